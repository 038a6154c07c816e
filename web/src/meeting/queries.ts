import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, openMeetingEvents, unwrap, type Schemas } from '../api/client';

/**
 * The meeting as the hall sees it, read through the API and kept in the query cache. The live
 * stream only says WHAT changed (never a figure or a choice): each event invalidates the keys it
 * concerns and the queries read the new state from the API. Shared by the delegate's page and the
 * projector.
 */
export const meetingKeys = {
  meeting: (meetingId: string) => ['meeting', meetingId] as const,
  quorum: (meetingId: string) => ['meeting', meetingId, 'quorum'] as const,
  polls: (meetingId: string) => ['meeting', meetingId, 'polls'] as const,
  turnout: (pollId: string) => ['poll', pollId, 'turnout'] as const,
  roll: (pollId: string) => ['poll', pollId, 'roll'] as const,
  board: (pollId: string) => ['poll', pollId, 'bulletin-board'] as const,
};

export type Meeting = Schemas['MeetingResponseDto'];
export type Quorum = Schemas['MeetingQuorumResponseDto'];
export type Poll = Schemas['PollResponseDto'];
export type Turnout = Schemas['TurnoutResponseDto'];
export type BulletinBoard = Schemas['BulletinBoardResponseDto'];

export function useMeeting(meetingId: string) {
  return useQuery({
    queryKey: meetingKeys.meeting(meetingId),
    queryFn: () => unwrap(api.GET('/api/v1/meetings/{id}', { params: { path: { id: meetingId } } })),
  });
}

export function useQuorum(meetingId: string, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.quorum(meetingId),
    queryFn: () => unwrap(api.GET('/api/v1/meetings/{id}/quorum', { params: { path: { id: meetingId } } })),
    enabled,
  });
}

/** Every poll of the meeting, in the order created (a meeting has a handful: one page is enough). */
export function usePolls(meetingId: string, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.polls(meetingId),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/meetings/{meetingId}/polls', {
            params: { path: { meetingId }, query: { pageSize: 100 } },
          }),
        )
      ).items,
    enabled,
  });
}

export function useTurnout(pollId: string | undefined) {
  return useQuery({
    queryKey: meetingKeys.turnout(pollId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/polls/{id}/turnout', { params: { path: { id: pollId! } } })),
    enabled: Boolean(pollId),
  });
}

/** The voter roll, frozen when the poll opens (who votes, for which unit, with what weight; never a choice). */
export function useRoll(pollId: string, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.roll(pollId),
    queryFn: () => unwrap(api.GET('/api/v1/polls/{id}/roll', { params: { path: { id: pollId } } })),
    enabled,
    staleTime: Infinity,
  });
}

/** The bulletin board exists only after the close (409 poll_not_closed before): read it on demand. */
export function useBulletinBoard(pollId: string, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.board(pollId),
    queryFn: () => unwrap(api.GET('/api/v1/polls/{id}/bulletin-board', { params: { path: { id: pollId } } })),
    enabled,
    staleTime: Infinity,
  });
}

/** Follows the meeting's event stream while mounted: each event refreshes what it names. */
export function useMeetingEvents(meetingId: string, enabled = true): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return undefined;
    return openMeetingEvents(meetingId, (kind, data) => {
      switch (kind) {
        case 'ready':
          // (Re)connected: whatever happened while the stream was down is read again.
          void queryClient.invalidateQueries({ queryKey: meetingKeys.meeting(meetingId) });
          if (data.pollId) void queryClient.invalidateQueries({ queryKey: ['poll', data.pollId] });
          break;
        case 'meeting':
          void queryClient.invalidateQueries({ queryKey: meetingKeys.meeting(meetingId), exact: true });
          break;
        case 'attendance':
          void queryClient.invalidateQueries({ queryKey: meetingKeys.quorum(meetingId) });
          break;
        case 'poll':
          void queryClient.invalidateQueries({ queryKey: meetingKeys.polls(meetingId) });
          if (data.pollId) void queryClient.invalidateQueries({ queryKey: ['poll', data.pollId] });
          break;
        case 'turnout':
          if (data.pollId) void queryClient.invalidateQueries({ queryKey: meetingKeys.turnout(data.pollId) });
          break;
        default:
          break;
      }
    });
  }, [meetingId, enabled, queryClient]);
}
