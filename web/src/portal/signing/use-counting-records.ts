import { useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { usePortalScope } from '../portal-scope';

type Poll = Schemas['PollResponseDto'];
type CountingRecord = Schemas['CountingRecordResponseDto'];

export interface CountingRecordItem {
  kind: 'counting-record';
  poll: Poll;
  record: CountingRecord;
  /** Whether this person has signed it already (then it stays listed, marked signed). */
  signed: boolean;
}

export const countingRecordKey = (pollId: string) => ['poll', pollId, 'counting-record'] as const;

/**
 * The counting records of the year's meetings on whose confirmed counting board this person sits:
 * the meetings of the year, their tallied (or certified) polls, and each poll's record, kept when the
 * person is one of its board. Waiting while they are among its pending board members.
 */
export function useCountingRecords() {
  const { cycle } = usePortalScope();
  const { me } = useSession();
  const userId = me?.user.id;
  const meetings = useQuery({
    queryKey: ['cycles', cycle?.id, 'meetings'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/cycles/{cycleId}/meetings', {
          params: { path: { cycleId: cycle!.id }, query: { pageSize: 100 } },
        }),
      ),
    enabled: Boolean(cycle),
  });
  const polls = useQueries({
    queries: (meetings.data?.items ?? []).map((meeting) => ({
      queryKey: ['meeting', meeting.id, 'polls'],
      queryFn: async () =>
        (
          await unwrap(
            api.GET('/api/v1/meetings/{meetingId}/polls', {
              params: { path: { meetingId: meeting.id }, query: { pageSize: 100 } },
            }),
          )
        ).items,
    })),
  });
  const counted = polls
    .flatMap((query) => query.data ?? [])
    .filter((poll) => poll.status === 'tallied' || poll.status === 'certified');
  const records = useQueries({
    queries: counted.map((poll) => ({
      queryKey: countingRecordKey(poll.id),
      queryFn: () => unwrap(api.GET('/api/v1/polls/{id}/counting-record', { params: { path: { id: poll.id } } })),
      // A record that cannot be read (a board never confirmed) is simply not one to sign.
      retry: false,
    })),
  });
  const items: CountingRecordItem[] = [];
  counted.forEach((poll, index) => {
    const record = records[index]?.data;
    if (!record || !record.content.countingBoard.some((member) => member.userId === userId)) return;
    const signed = !record.pendingBoardMembers.some((member) => member.userId === userId);
    items.push({ kind: 'counting-record', poll, record, signed });
  });
  const lists = [meetings, ...polls];
  return {
    items,
    isLoading: [...lists, ...records].some((query) => query.isLoading),
    error: lists.find((query) => query.error)?.error ?? null,
  };
}
