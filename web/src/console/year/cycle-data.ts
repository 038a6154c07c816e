import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap, type Schemas } from '../../api/client';

export type Phase = Schemas['CycleResponseDto']['phase'];
export type Dashboard = Schemas['CycleDashboardResponseDto'];
export type UnmetCondition = Schemas['UnmetConditionDto'];

/** The phases in order (docs/cycle.md); `closed` has no deadline. */
export const PHASES: Phase[] = [
  'setup',
  'rules_adoption',
  'pledge_signing',
  'in_progress',
  'evaluation',
  'voting',
  'handover',
  'closed',
];
export const DEADLINE_PHASES = PHASES.filter((phase) => phase !== 'closed') as Exclude<Phase, 'closed'>[];

/** The year's dashboard: phases, the next phase's gates, who is pending, the history. */
export function useDashboard(cycleId: string | undefined) {
  return useQuery({
    queryKey: ['cycles', cycleId, 'dashboard'],
    queryFn: () => unwrap(api.GET('/api/v1/cycles/{id}/dashboard', { params: { path: { id: cycleId! } } })),
    enabled: Boolean(cycleId),
  });
}

/** The cycle itself (its deadlines and version). */
export function useCycle(cycleId: string | undefined) {
  return useQuery({
    queryKey: ['cycles', cycleId],
    queryFn: () => unwrap(api.GET('/api/v1/cycles/{id}', { params: { path: { id: cycleId! } } })),
    enabled: Boolean(cycleId),
  });
}

/** Names of the cluster's units by id, to say who owes a condition. */
export function useUnitNames(clusterId: string | undefined): Map<string, string> {
  const units = useQuery({
    queryKey: ['units', { clusterId }],
    queryFn: () =>
      unwrap(api.GET('/api/v1/units', { params: { query: { clusterId: clusterId!, pageSize: 100, sort: 'code' } } })),
    enabled: Boolean(clusterId),
  });
  return useMemo(() => new Map((units.data?.items ?? []).map((unit) => [unit.id, unit.name])), [units.data]);
}

/** After a change to the cycle: its queries and the scope bar's list of years read again. */
export function useCycleChanged(): (cycle: { id: string; clusterId: string }) => Promise<void> {
  const queryClient = useQueryClient();
  return async (cycle) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['cycles', cycle.id] }),
      queryClient.invalidateQueries({ queryKey: ['clusters', cycle.clusterId, 'cycles'] }),
    ]);
  };
}

/** A new key per person's action: a retried request is recognised, a second click is a second action. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
