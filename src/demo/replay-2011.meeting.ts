import { randomUUID } from 'node:crypto';
import {
  COUNTING_BOARD,
  ELECTED_2012,
  KEY_KIND,
  LEADER_2011,
  LEADER_CANDIDATES,
  LEADER_VOTES,
  MEETING,
  SECRETARIAT,
  UNITS,
  YEAR,
  delegate,
} from './replay-2011.data';
import type { Replay } from './replay-2011.context';
import { present } from './replay-client';
import { short } from './replay-2011.year';
import { registerSigningKey, signDocument } from './replay-signing';

/**
 * Step 6, the meeting of 21 November 2011: the delegates sign the attendance register and the
 * quorum is read; the secretariat puts the election of the 2012 leader to the vote — the outgoing
 * leader refused as a candidate by the rotation rule — with a counting board it proposes and the
 * meeting confirms by a show of hands; the 7 delegates cast
 * secret ballots; the poll is closed and tallied; the board and the secretariat sign the counting
 * record; the secretariat certifies it, which records the elected unit as the 2012 leader.
 */
export async function holdMeeting(r: Replay): Promise<string[]> {
  const secretariat = r.client.as(SECRETARIAT[0]);
  const { title, heldOn, place, agenda } = MEETING;
  const meeting = await secretariat.call(
    (api) =>
      api.POST('/api/v1/cycles/{cycleId}/meetings', {
        params: { path: { cycleId: r.ids.cycleId } },
        body: { title, heldOn, place, agenda },
      }),
    201,
  );
  r.ids.meetingId = meeting.id;
  const ofMeeting = { path: { id: meeting.id } };
  await secretariat.call(
    (api) =>
      api.PATCH('/api/v1/meetings/{id}', {
        params: ofMeeting,
        body: { status: 'in_session', expectedVersion: meeting.version },
      }),
    200,
  );

  for (const { code } of UNITS) {
    await r.client
      .as(delegate(code))
      .call((api) => api.POST('/api/v1/meetings/{id}/attendance/check-in', { params: ofMeeting, body: {} }), 201);
  }
  const quorum = await r.client
    .as(delegate('ha-giang'))
    .call((api) => api.GET('/api/v1/meetings/{id}/quorum', { params: ofMeeting }), 200);
  r.outcome.quorum = {
    present: quorum.present,
    members: quorum.members,
    requiredUnits: quorum.quorum.requiredUnits,
    met: quorum.quorum.met,
  };

  const poll = await secretariat.call(
    (api) =>
      api.POST('/api/v1/meetings/{meetingId}/polls', {
        params: { path: { meetingId: meeting.id } },
        body: {
          kind: 'leader_election',
          title: `Bầu cụm trưởng năm ${YEAR + 1}`,
          candidateUnitIds: LEADER_CANDIDATES.map((code) => r.ids.units[code]),
        },
      }),
    201,
  );
  r.ids.pollId = poll.id;
  const ofPoll = { path: { id: poll.id } };
  const candidates = poll.candidates;
  const refused = candidates.find((c) => c.unitCode === LEADER_2011 && !c.eligible);
  if (!refused) throw new Error(`The outgoing leader ${LEADER_2011} was not refused as a candidate.`);
  const refusal = {
    unitCode: refused.unitCode,
    refusalCode: present(refused.refusalCode, 'refusal code'),
    refusalReason: present(refused.refusalReason, 'refusal reason'),
  };
  r.outcome.refusedCandidate = refusal;
  // The chair proposes the counting board; the meeting confirms it by a show of hands.
  const proposed = await secretariat.call(
    (api) =>
      api.PUT('/api/v1/polls/{id}/counting-board', {
        params: ofPoll,
        body: { memberIds: COUNTING_BOARD.map((email) => r.ids.users[email]) },
      }),
    200,
  );
  for (const { code } of UNITS) {
    const board = await r.client.as(delegate(code)).call(
      (api) =>
        api.POST('/api/v1/polls/{id}/counting-board/hands', {
          params: ofPoll,
          body: { proposalId: present(proposed.proposalId, 'proposal'), vote: 'for' },
        }),
      200,
    );
    if (board.status === 'confirmed') break;
  }

  await secretariat.call((api) => api.POST('/api/v1/polls/{id}/open', { params: ofPoll, body: {} }), 200);
  for (const { code } of UNITS) {
    // Each ballot carries a fresh random key: a retry with it is answered with the same receipt.
    const key = randomUUID();
    await r.client.as(delegate(code)).call(
      (api) =>
        api.POST('/api/v1/polls/{id}/ballots', {
          params: { ...ofPoll, header: { 'Idempotency-Key': key } },
          body: { choice: r.ids.units[LEADER_VOTES[code]] },
        }),
      201,
    );
  }
  const closed = await secretariat.call(
    (api) => api.POST('/api/v1/polls/{id}/close', { params: ofPoll, body: {} }),
    200,
  );
  const tallied = await secretariat.call(
    (api) => api.POST('/api/v1/polls/{id}/tally', { params: ofPoll, body: {} }),
    200,
  );
  // The poll's result is a free-form object in this version of the contract: read what the step needs.
  const result = present(tallied.result, 'tally') as unknown as TallyResult;
  if (result.outcome !== 'elected' || result.winners[0] !== r.ids.units[ELECTED_2012]) {
    throw new Error(`The election did not elect ${ELECTED_2012}: ${JSON.stringify(result)}`);
  }

  const signers = [...COUNTING_BOARD, SECRETARIAT[0]];
  for (const [index, email] of signers.entries()) {
    const person = r.client.as(email);
    r.keys[email] ??= await registerSigningKey(person, KEY_KIND(index), 'Khóa ký biên bản kiểm phiếu');
    await signDocument(
      person,
      r.keys[email],
      (api) => api.GET('/api/v1/polls/{id}/counting-record', { params: ofPoll }),
      (api, body) => api.POST('/api/v1/polls/{id}/counting-record/signatures', { params: ofPoll, body }),
      201,
    );
  }
  const record = await secretariat.call(
    (api) => api.GET('/api/v1/polls/{id}/counting-record', { params: ofPoll }),
    200,
  );
  const certified = await secretariat.call(
    (api) => api.POST('/api/v1/polls/{id}/certify', { params: ofPoll, body: {} }),
    200,
  );
  const current = await secretariat.call((api) => api.GET('/api/v1/meetings/{id}', { params: ofMeeting }), 200);
  await secretariat.call(
    (api) =>
      api.PATCH('/api/v1/meetings/{id}', {
        params: ofMeeting,
        body: { status: 'closed', expectedVersion: current.version },
      }),
    200,
  );

  const leaderships = await secretariat.call(
    (api) =>
      api.GET('/api/v1/clusters/{clusterId}/leaderships', {
        params: { path: { clusterId: r.ids.clusterId }, query: { pageSize: 100 } },
      }),
    200,
  );
  const next = leaderships.items.find((l) => l.termYear === YEAR + 1 && l.role === 'leader');
  if (!next || next.unit.code !== ELECTED_2012) throw new Error(`No ${YEAR + 1} leader recorded from the election.`);
  r.outcome.leader2012 = { unitCode: next.unit.code, basis: next.basis };
  // The counting record's content is a free-form object in this version of the contract.
  const counts = (record.content as { counts: { unitCode: string; votes: number }[] }).counts;
  const winnerVotes = counts.find((c) => c.unitCode === ELECTED_2012)?.votes ?? 0;
  r.outcome.election = {
    winnerCode: ELECTED_2012,
    votes: winnerVotes,
    ballots: present(closed.ballotsCast, 'ballot count'),
    certifiedAt: present(certified.certifiedAt, 'certification time'),
  };

  return [
    `meeting “${meeting.title}”, ${MEETING.heldOn}, ${MEETING.place}`,
    `attendance: ${quorum.present} of ${quorum.members} delegates checked in; quorum ${quorum.quorum.requiredUnits} units — met: ${quorum.quorum.met}`,
    `leader election for ${YEAR + 1}: ${candidates.filter((c) => c.eligible).length} candidates; ${LEADER_2011} refused (${refusal.refusalCode}): ${refusal.refusalReason}`,
    `${closed.ballotsCast} secret ballots; tally: ${tally(counts)}; ` +
      `needed ${result.votesNeeded} of ${result.base?.value ?? UNITS.length} members`,
    `counting record ${short(record.digest)} signed by the counting board (${COUNTING_BOARD.join(', ')}) and ${SECRETARIAT[0]}`,
    `certified: ${next.unit.name} recorded as the ${YEAR + 1} leader (basis ${next.basis})`,
  ];
}

/** `son-la 6, lai-chau 1 (4 others 0)`: the candidates with votes, most first. */
function tally(counts: { unitCode: string; votes: number }[]): string {
  const voted = counts.filter((c) => c.votes > 0).sort((a, b) => b.votes - a.votes);
  const others = counts.length - voted.length;
  return voted.map((c) => `${c.unitCode} ${c.votes}`).join(', ') + (others > 0 ? ` (${others} others 0)` : '');
}

/** What the replay reads of a poll's tally (docs/elections.md). */
interface TallyResult {
  outcome: string;
  winners: string[];
  votesNeeded: number;
  base?: { value: number };
}
