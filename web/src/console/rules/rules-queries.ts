import { api, unwrap } from '../../api/client';

/** One rules version with its content, maxima and approval summary. */
export const rulesVersionQuery = (id: string) => ({
  queryKey: ['rules-versions', id],
  queryFn: () => unwrap(api.GET('/api/v1/rules-versions/{id}', { params: { path: { id } } })),
});

/** Every version of the cluster, newest first (for choosing two to compare). */
export const allVersionsQuery = (clusterId: string) => ({
  queryKey: ['clusters', clusterId, 'rules-versions', 'all'],
  queryFn: () =>
    unwrap(
      api.GET('/api/v1/clusters/{clusterId}/rules-versions', {
        params: { path: { clusterId }, query: { pageSize: 100, sort: '-number' } },
      }),
    ),
});

/** The cluster's member units today (the fixed rotation order picks from them; the read view names them). */
export const currentMembersQuery = (clusterId: string) => ({
  queryKey: ['clusters', clusterId, 'memberships', 'current'],
  queryFn: () =>
    unwrap(
      api.GET('/api/v1/clusters/{clusterId}/memberships', {
        params: { path: { clusterId }, query: { current: true, pageSize: 100 } },
      }),
    ),
  staleTime: 5 * 60_000,
});
