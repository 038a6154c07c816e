import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface ConsoleArea {
  /** Message key `console.menu.<key>` and the folder of the area's code. */
  key: string;
  /** Path under /console; areas with screens of their own end in `/*` and route inside. */
  path: string;
  Component: LazyExoticComponent<ComponentType>;
}

/**
 * The console's screens, in the order of the clerk's year. Each area is its own chunk, loaded when
 * first opened; its messages come with it.
 */
export const CONSOLE_AREAS: ConsoleArea[] = [
  { key: 'home', path: '', Component: lazy(() => import('./home/console-home')) },
  { key: 'year', path: 'year/*', Component: lazy(() => import('./year/year-area')) },
  { key: 'approvals', path: 'approvals/*', Component: lazy(() => import('./approvals/approvals-area')) },
  { key: 'registry', path: 'registry/*', Component: lazy(() => import('./registry/registry-area')) },
  { key: 'rules', path: 'rules/*', Component: lazy(() => import('./rules/rules-area')) },
  { key: 'pledges', path: 'pledges/*', Component: lazy(() => import('./pledges/pledges-area')) },
  { key: 'reports', path: 'reports/*', Component: lazy(() => import('./reports/reports-area')) },
  { key: 'scoring', path: 'scoring/*', Component: lazy(() => import('./scoring/scoring-area')) },
  { key: 'meetings', path: 'meetings/*', Component: lazy(() => import('./meetings/meetings-area')) },
  { key: 'flag', path: 'flag/*', Component: lazy(() => import('./flag/flag-area')) },
  { key: 'records', path: 'records/*', Component: lazy(() => import('./records/records-area')) },
  { key: 'keys', path: 'keys/*', Component: lazy(() => import('./keys/keys-area')) },
];
