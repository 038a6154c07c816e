import { useCallback, useState } from 'react';
import type { Schemas } from '../api/client';

export type BallotBody = Schemas['CastBallotDto'];
export type BallotReceipt = Schemas['BallotReceiptDto'];

/**
 * What this device keeps of one person's ballot in one poll (localStorage, per person and poll):
 * - `pending`: the ballot confirmed but not yet acknowledged, with its Idempotency-Key — made once,
 *   kept until the server answers, sent again unchanged after a network error, so the server
 *   recognises the retry and answers the same receipt (a weak network never loses or doubles it);
 * - `receipt`: the server's receipt with its tracker(s), to find on the bulletin board after the close.
 * The key never leaves the device except in the ballot request; the server stores only its hash.
 */
export interface StoredBallot {
  pending?: { key: string; body: BallotBody };
  receipt?: BallotReceipt;
}

const storageKey = (userId: string, pollId: string) => `thidua.ballot.${userId}.${pollId}`;

function read(userId: string, pollId: string): StoredBallot {
  try {
    return JSON.parse(globalThis.localStorage?.getItem(storageKey(userId, pollId)) ?? '{}') as StoredBallot;
  } catch {
    return {};
  }
}

function write(userId: string, pollId: string, value: StoredBallot): void {
  if (!value.pending && !value.receipt) globalThis.localStorage?.removeItem(storageKey(userId, pollId));
  else globalThis.localStorage?.setItem(storageKey(userId, pollId), JSON.stringify(value));
}

/** The device's record of the ballot: read once, written through (device state, not server state). */
export function useStoredBallot(userId: string, pollId: string) {
  const [stored, setStored] = useState<StoredBallot>(() => read(userId, pollId));
  const update = useCallback(
    (next: StoredBallot) => {
      write(userId, pollId, next);
      setStored(next);
    },
    [userId, pollId],
  );
  return [stored, update] as const;
}

/** A new random (version 4) UUID: the ballot's Idempotency-Key, which also seeds its trackers. */
export function newBallotKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Outside a secure context randomUUID is missing: the same 122 random bits, by hand.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
}

/**
 * The tracker of ballot g (1 … weight) of a cast made with `key`, as the server draws it
 * (docs/elections.md, decision 015): seed = sha256('ballot|' + pollId + '|' + key), tracker =
 * sha256(seed ‖ int32be(g)), hex. The device holds the key, so it can find a ballot whose answer it
 * never received (the poll closed before a retry got through) on the bulletin board.
 */
export async function trackerOf(pollId: string, key: string, g: number): Promise<string> {
  const seed = await sha256(new TextEncoder().encode(`ballot|${pollId}|${key}`));
  const input = new Uint8Array(seed.length + 4);
  input.set(seed);
  new DataView(input.buffer).setInt32(seed.length, g);
  return [...(await sha256(input))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
