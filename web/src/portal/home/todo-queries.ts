import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** The cycle's current pledge (the newest version), whose `units` say where each unit's targets stand. */
export function useCurrentPledge(cycleId?: string) {
  return useQuery({
    queryKey: ['portal', 'pledges', cycleId],
    queryFn: async () => {
      const page = await unwrap(
        api.GET('/api/v1/cycles/{cycleId}/pledges', {
          params: { path: { cycleId: cycleId! }, query: { pageSize: 100 } },
        }),
      );
      return page.items.find((pledge) => pledge.current) ?? null;
    },
    enabled: Boolean(cycleId),
  });
}

/** The unit's own pledge (its targets and their approval) in the current version. */
export function useUnitPledge(unitPledgeId?: string) {
  return useQuery({
    queryKey: ['portal', 'unit-pledges', unitPledgeId],
    queryFn: () => unwrap(api.GET('/api/v1/unit-pledges/{id}', { params: { path: { id: unitPledgeId! } } })),
    enabled: Boolean(unitPledgeId),
  });
}

/** The cycle's scoring periods, newest first. */
export function useScoringPeriods(cycleId?: string) {
  return useQuery({
    queryKey: ['portal', 'scoring-periods', cycleId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cycles/{cycleId}/scoring-periods', {
          params: { path: { cycleId: cycleId! }, query: { pageSize: 100, sort: '-createdAt' } },
        }),
      ),
    enabled: Boolean(cycleId),
  });
}

/** The unit's score sheet in a period (the whole tree, entries and totals). */
export function useSheet(periodId?: string, unitId?: string) {
  return useQuery({
    queryKey: ['portal', 'sheet', periodId, unitId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/scoring-periods/{periodId}/units/{unitId}/sheet', {
          params: { path: { periodId: periodId!, unitId: unitId! } },
        }),
      ),
    enabled: Boolean(periodId && unitId),
  });
}
