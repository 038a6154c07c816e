import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, openMeetingEvents, unwrap, type Schemas } from '../../api/client';

export type Meeting = Schemas['MeetingResponseDto'];
export type Quorum = Schemas['MeetingQuorumResponseDto'];
export type Poll = Schemas['PollResponseDto'];
export type Turnout = Schemas['TurnoutResponseDto'];

/**
 * The projector's server state, one query per API read. Keys start with the resource, so the
 * meeting's event stream can invalidate exactly what an event names.
 */
export const projectorKeys = {
  meeting: (meetingId: string) => ['meetings', meetingId] as const,
  quorum: (meetingId: string) => ['meetings', meetingId, 'quorum'] as const,
  polls: (meetingId: string) => ['meetings', meetingId, 'polls'] as const,
  poll: (pollId: string) => ['polls', pollId] as const,
  turnout: (pollId: string) => ['polls', pollId, 'turnout'] as const,
  countingRecord: (pollId: string) => ['polls', pollId, 'counting-record'] as const,
};

// The stream carries what changes; this slow re-read only repairs an event lost in a reconnect.
const SAFETY_NET_MS = 60_000;

export function useMeeting(meetingId: string) {
  return useQuery({
    queryKey: projectorKeys.meeting(meetingId),
    queryFn: () => unwrap(api.GET('/api/v1/meetings/{id}', { params: { path: { id: meetingId } } })),
    refetchInterval: SAFETY_NET_MS,
  });
}

export function useQuorum(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: projectorKeys.quorum(meetingId),
    queryFn: () => unwrap(api.GET('/api/v1/meetings/{id}/quorum', { params: { path: { id: meetingId } } })),
    enabled,
    refetchInterval: SAFETY_NET_MS,
  });
}

/** A meeting has a handful of polls (runoffs included): one page of the largest size holds them all. */
export function useMeetingPolls(meetingId: string) {
  return useQuery({
    queryKey: projectorKeys.polls(meetingId),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/meetings/{meetingId}/polls', {
            params: { path: { meetingId }, query: { page: 1, pageSize: 100 } },
          }),
        )
      ).items,
    refetchInterval: SAFETY_NET_MS,
  });
}

/** Voted over entitled — counts only, never a choice (the API has none to give). */
export function useTurnout(pollId: string, enabled: boolean) {
  return useQuery({
    queryKey: projectorKeys.turnout(pollId),
    queryFn: () => unwrap(api.GET('/api/v1/polls/{id}/turnout', { params: { path: { id: pollId } } })),
    enabled,
    refetchInterval: SAFETY_NET_MS,
  });
}

/** The counting record's digest: what the certification recorded in the ledger. */
export function useCountingRecordDigest(pollId: string, enabled: boolean) {
  return useQuery({
    queryKey: projectorKeys.countingRecord(pollId),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/polls/{id}/counting-record', { params: { path: { id: pollId } } }))).digest,
    enabled,
    // A certified record no longer changes.
    staleTime: Infinity,
  });
}

/**
 * Follows the meeting's event stream and invalidates the queries an event names; after `ready`
 * (the first connection or a reconnection, when events may have been missed) it re-reads all.
 * Only once the meeting could be read: a refused meeting has no stream to follow.
 */
export function useMeetingLive(meetingId: string, enabled: boolean): boolean | undefined {
  const queryClient = useQueryClient();
  // Whether the stream is up: the wall says so when it is not (what it shows may then be old).
  const [connected, setConnected] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return undefined;
    const invalidate = (queryKey: readonly string[], exact = false) =>
      void queryClient.invalidateQueries({ queryKey, exact });
    return openMeetingEvents(
      meetingId,
      (kind, data) => {
        switch (kind) {
          case 'meeting':
            invalidate(projectorKeys.meeting(meetingId), true);
            break;
          case 'attendance':
            invalidate(projectorKeys.quorum(meetingId));
            break;
          case 'poll':
            invalidate(projectorKeys.polls(meetingId));
            if (data.pollId) invalidate(projectorKeys.poll(data.pollId));
            break;
          case 'turnout':
            if (data.pollId) invalidate(projectorKeys.turnout(data.pollId));
            break;
          case 'ready':
            invalidate(projectorKeys.meeting(meetingId));
            invalidate(['polls']);
            break;
          default:
            break;
        }
      },
      setConnected,
    );
  }, [meetingId, enabled, queryClient]);
  return connected;
}
