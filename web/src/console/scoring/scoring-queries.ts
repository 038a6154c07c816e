import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export type Stage = 'self' | 'reviewed' | 'final';

/** The period itself (its version is what adoption sends back as `expectedVersion`). */
export function usePeriod(periodId: string) {
  return useQuery({
    queryKey: ['scoring-periods', periodId],
    queryFn: () => unwrap(api.GET('/api/v1/scoring-periods/{id}', { params: { path: { id: periodId } } })),
  });
}

/** The ranking at a stage: submitted sheets ranked, member units without one in `missingUnits`. */
export function useRanking(periodId: string, stage: Stage) {
  return useQuery({
    queryKey: ['scoring-periods', periodId, 'ranking', stage],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/scoring-periods/{periodId}/ranking', {
          params: { path: { periodId }, query: { stage } },
        }),
      ),
  });
}
