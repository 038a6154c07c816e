import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export type UnitRole = 'head' | 'officer' | 'delegate';

export interface PortalArea {
  /** Message key `portal.menu.<key>` and the folder of the area's code. */
  key: string;
  /** Path under /portal; areas with screens of their own end in `/*` and route inside. */
  path: string;
  /** Who sees the area in the menu (the API still decides what each may do). */
  roles: UnitRole[];
  Component: LazyExoticComponent<ComponentType>;
}

/** The units' portal: what an officer files and a head approves and signs, each area its own chunk. */
export const PORTAL_AREAS: PortalArea[] = [
  {
    key: 'home',
    path: '',
    roles: ['head', 'officer', 'delegate'],
    Component: lazy(() => import('./home/portal-home')),
  },
  {
    key: 'reports',
    path: 'reports/*',
    roles: ['head', 'officer'],
    Component: lazy(() => import('./reports/reports-area')),
  },
  {
    key: 'pledges',
    path: 'pledges/*',
    roles: ['head', 'officer'],
    Component: lazy(() => import('./pledges/pledges-area')),
  },
  {
    key: 'scoring',
    path: 'scoring/*',
    roles: ['head', 'officer'],
    Component: lazy(() => import('./scoring/scoring-area')),
  },
  {
    key: 'approvals',
    path: 'approvals/*',
    roles: ['head'],
    Component: lazy(() => import('./approvals/approvals-area')),
  },
  {
    key: 'signing',
    path: 'signing/*',
    // A delegate signs the counting records of the boards they sat on; a head also the unit's documents.
    roles: ['head', 'delegate'],
    Component: lazy(() => import('./signing/signing-area')),
  },
  {
    key: 'keys',
    path: 'keys/*',
    roles: ['head', 'officer', 'delegate'],
    Component: lazy(() => import('./keys/keys-area')),
  },
  {
    key: 'delegations',
    path: 'delegations/*',
    roles: ['head'],
    Component: lazy(() => import('./delegations/delegations-area')),
  },
];
