import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { useSession } from '../auth/session';
import { rememberScope, storedScope, useClusterCycles } from '../ui/scope-storage';

type Cycle = Schemas['CycleResponseDto'];

export interface ConsoleScope {
  /** Clusters this person runs: their secretariat mandates (an administrator: every cluster). */
  clusters: { id: string; name: string }[];
  clusterId?: string;
  cycles: Cycle[];
  cycle?: Cycle;
  /** Whether the cluster's years have been read: until then "no year yet" would be a guess. */
  cyclesLoaded: boolean;
  isAdmin: boolean;
  setClusterId(id: string): void;
  setCycleId(id: string): void;
}

const STORAGE_KEY = 'thidua.console.scope';
const ScopeContext = createContext<ConsoleScope | null>(null);

/** Which cluster and which year the clerk works on; remembered on this device, newest year by default. */
export function ConsoleScopeProvider({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const isAdmin = Boolean(me?.mandates.some((mandate) => mandate.role === 'admin'));
  const [choice, setChoice] = useState(() => storedScope<{ clusterId: string; cycleId: string }>(STORAGE_KEY));

  const allClusters = useQuery({
    queryKey: ['clusters', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/clusters', { params: { query: { pageSize: 100 } } })),
    enabled: isAdmin,
  });
  const clusters = useMemo(() => {
    if (isAdmin) return (allClusters.data?.items ?? []).map(({ id, name }) => ({ id, name }));
    const seen = new Map<string, string>();
    for (const mandate of me?.mandates ?? []) {
      if (mandate.role === 'secretariat' && mandate.cluster) seen.set(mandate.cluster.id, mandate.cluster.name);
    }
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [isAdmin, allClusters.data, me]);

  const clusterId = clusters.find((cluster) => cluster.id === choice.clusterId)?.id ?? clusters[0]?.id;
  const cycles = useClusterCycles(clusterId);
  const cycleList = cycles.data?.items ?? [];
  const cycle = cycleList.find((item) => item.id === choice.cycleId) ?? cycleList[0];
  const cyclesLoaded = !clusterId || cycles.isSuccess;

  const value = useMemo<ConsoleScope>(() => {
    const remember = (next: { clusterId?: string; cycleId?: string }) => {
      rememberScope(STORAGE_KEY, next);
      setChoice(next);
    };
    return {
      clusters,
      clusterId,
      cycles: cycleList,
      cycle,
      cyclesLoaded,
      isAdmin,
      setClusterId: (id) => remember({ clusterId: id }),
      setCycleId: (id) => remember({ clusterId, cycleId: id }),
    };
  }, [clusters, clusterId, cycleList, cycle, cyclesLoaded, isAdmin]);
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}

export function useConsoleScope(): ConsoleScope {
  const scope = useContext(ScopeContext);
  if (!scope) throw new Error('useConsoleScope outside the console');
  return scope;
}
