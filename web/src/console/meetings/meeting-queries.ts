import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import { meetingKeys } from '../../meeting/queries';

/**
 * The console's reads of a meeting beyond the hall's (web/src/meeting/queries.ts). Keys sit under
 * the hall's so the live stream's invalidations reach them: the register under the quorum
 * (`attendance` events), a poll's parts under `['poll', id]` (`poll` events).
 */
export const consoleMeetingKeys = {
  register: (meetingId: string) => [...meetingKeys.quorum(meetingId), 'register'] as const,
  poll: (pollId: string) => ['poll', pollId] as const,
  board: (pollId: string) => ['poll', pollId, 'counting-board'] as const,
  paperBallots: (pollId: string) => ['poll', pollId, 'paper-ballots'] as const,
  paperEntries: (pollId: string) => ['poll', pollId, 'paper-entries'] as const,
  record: (pollId: string) => ['poll', pollId, 'counting-record'] as const,
  members: (clusterId: string) => ['cluster', clusterId, 'members', 'current'] as const,
};

export type Poll = Schemas['PollResponseDto'];

/** Every stay of the register, in order (a meeting has a few dozen at most: one page). */
export function useRegister(meetingId: string) {
  return useQuery({
    queryKey: consoleMeetingKeys.register(meetingId),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/meetings/{id}/attendance', {
            params: { path: { id: meetingId }, query: { pageSize: 100 } },
          }),
        )
      ).items,
  });
}

export function usePoll(pollId: string) {
  return useQuery({
    queryKey: consoleMeetingKeys.poll(pollId),
    queryFn: () => unwrap(api.GET('/api/v1/polls/{id}', { params: { path: { id: pollId } } })),
  });
}

/** The cluster's current member units (the candidates a poll may name, the units a person checks in for). */
export function useMemberUnits(clusterId: string | undefined) {
  return useQuery({
    queryKey: consoleMeetingKeys.members(clusterId ?? ''),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/clusters/{clusterId}/memberships', {
            params: { path: { clusterId: clusterId! }, query: { pageSize: 100, current: true } },
          }),
        )
      ).items.map((membership) => membership.unit),
    enabled: Boolean(clusterId),
    staleTime: 5 * 60_000,
  });
}
