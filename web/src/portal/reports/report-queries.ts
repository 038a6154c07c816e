import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** The unit's versions of its results report for the year, newest first. */
export function useUnitReports(cycleId?: string, unitId?: string) {
  return useQuery({
    queryKey: ['portal', 'reports', cycleId, unitId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cycles/{cycleId}/reports', {
          params: { path: { cycleId: cycleId! }, query: { unitId, sort: '-number', pageSize: 100 } },
        }),
      ),
    enabled: Boolean(cycleId && unitId),
  });
}
