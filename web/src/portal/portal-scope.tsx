import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Schemas } from '../api/client';
import { useSession } from '../auth/session';
import { rememberScope, storedScope, useClusterCycles } from '../ui/scope-storage';
import type { UnitRole } from './portal-areas';

type Cycle = Schemas['CycleResponseDto'];

export interface PortalUnit {
  id: string;
  code: string;
  name: string;
  /** The person's roles in this unit today. */
  roles: UnitRole[];
  clusters: { id: string; code: string; name: string }[];
}

export interface PortalScope {
  units: PortalUnit[];
  unit?: PortalUnit;
  clusterId?: string;
  cycles: Cycle[];
  cycle?: Cycle;
  hasRole(role: UnitRole): boolean;
  setUnitId(id: string): void;
  setCycleId(id: string): void;
}

const STORAGE_KEY = 'thidua.portal.scope';
const ScopeContext = createContext<PortalScope | null>(null);

/** The unit the person acts for (their head/officer/delegate mandates) and the year, newest first. */
export function PortalScopeProvider({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const [choice, setChoice] = useState(() => storedScope<{ unitId: string; cycleId: string }>(STORAGE_KEY));

  const units = useMemo(() => {
    const byId = new Map<string, PortalUnit>();
    for (const mandate of me?.mandates ?? []) {
      if (!mandate.unit || mandate.role === 'admin' || mandate.role === 'secretariat') continue;
      const unit = byId.get(mandate.unit.id) ?? { ...mandate.unit, roles: [], clusters: mandate.unitClusters };
      unit.roles.push(mandate.role as UnitRole);
      byId.set(unit.id, unit);
    }
    return [...byId.values()];
  }, [me]);

  const unit = units.find((item) => item.id === choice.unitId) ?? units[0];
  const clusterId = unit?.clusters[0]?.id;
  const cycles = useClusterCycles(clusterId);
  const cycleList = cycles.data?.items ?? [];
  const cycle = cycleList.find((item) => item.id === choice.cycleId) ?? cycleList[0];

  const value = useMemo<PortalScope>(() => {
    const remember = (next: { unitId?: string; cycleId?: string }) => {
      rememberScope(STORAGE_KEY, next);
      setChoice(next);
    };
    return {
      units,
      unit,
      clusterId,
      cycles: cycleList,
      cycle,
      hasRole: (role) => Boolean(unit?.roles.includes(role)),
      setUnitId: (id) => remember({ unitId: id }),
      setCycleId: (id) => remember({ unitId: unit?.id, cycleId: id }),
    };
  }, [units, unit, clusterId, cycleList, cycle]);
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}

export function usePortalScope(): PortalScope {
  const scope = useContext(ScopeContext);
  if (!scope) throw new Error('usePortalScope outside the portal');
  return scope;
}
