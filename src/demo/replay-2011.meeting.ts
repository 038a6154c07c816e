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
  const meeting = await secretariat.post(`/cycles/${r.ids.cycleId}/meetings`, { title, heldOn, place, agenda }, 201);
  r.ids.meetingId = meeting.id;
  await secretariat.patch(`/meetings/${meeting.id}`, { status: 'in_session', expectedVersion: meeting.version }, 200);

  for (const { code } of UNITS) {
    await r.client.as(delegate(code)).post(`/meetings/${meeting.id}/attendance/check-in`, {}, 201);
  }
  const quorum = await r.client.as(delegate('ha-giang')).get(`/meetings/${meeting.id}/quorum`, 200);
  r.outcome.quorum = {
    present: quorum.present,
    members: quorum.members,
    requiredUnits: quorum.quorum.requiredUnits,
    met: quorum.quorum.met,
  };

  const poll = await secretariat.post(
    `/meetings/${meeting.id}/polls`,
    {
      kind: 'leader_election',
      title: `Bầu cụm trưởng năm ${YEAR + 1}`,
      candidateUnitIds: LEADER_CANDIDATES.map((code) => r.ids.units[code]),
    },
    201,
  );
  r.ids.pollId = poll.id;
  const candidates = poll.candidates as {
    unitCode: string;
    eligible: boolean;
    refusalCode: string;
    refusalReason: string;
  }[];
  const refused = candidates.find((c) => c.unitCode === LEADER_2011 && !c.eligible);
  if (!refused) throw new Error(`The outgoing leader ${LEADER_2011} was not refused as a candidate.`);
  r.outcome.refusedCandidate = refused;
  // The chair proposes the counting board; the meeting confirms it by a show of hands.
  const proposed = await secretariat.put(
    `/polls/${poll.id}/counting-board`,
    { memberIds: COUNTING_BOARD.map((email) => r.ids.users[email]) },
    200,
  );
  for (const { code } of UNITS) {
    const board = await r.client
      .as(delegate(code))
      .post(`/polls/${poll.id}/counting-board/hands`, { proposalId: proposed.proposalId, vote: 'for' }, 200);
    if (board.status === 'confirmed') break;
  }

  await secretariat.post(`/polls/${poll.id}/open`, {}, 200);
  for (const { code } of UNITS) {
    // Each ballot carries a fresh random key: a retry with it is answered with the same receipt.
    await r.client
      .as(delegate(code))
      .postWithHeaders(
        `/polls/${poll.id}/ballots`,
        { choice: r.ids.units[LEADER_VOTES[code]] },
        { 'idempotency-key': randomUUID() },
        201,
      );
  }
  const closed = await secretariat.post(`/polls/${poll.id}/close`, {}, 200);
  const tallied = await secretariat.post(`/polls/${poll.id}/tally`, {}, 200);
  if (tallied.result.outcome !== 'elected' || tallied.result.winners[0] !== r.ids.units[ELECTED_2012]) {
    throw new Error(`The election did not elect ${ELECTED_2012}: ${JSON.stringify(tallied.result)}`);
  }

  const signers = [...COUNTING_BOARD, SECRETARIAT[0]];
  for (const [index, email] of signers.entries()) {
    const person = r.client.as(email);
    r.keys[email] ??= await registerSigningKey(person, KEY_KIND(index), 'Khóa ký biên bản kiểm phiếu');
    await signDocument(
      person,
      r.keys[email],
      `/polls/${poll.id}/counting-record`,
      `/polls/${poll.id}/counting-record/signatures`,
      201,
    );
  }
  const record = await secretariat.get(`/polls/${poll.id}/counting-record`, 200);
  const certified = await secretariat.post(`/polls/${poll.id}/certify`, {}, 200);
  const current = await secretariat.get(`/meetings/${meeting.id}`, 200);
  await secretariat.patch(`/meetings/${meeting.id}`, { status: 'closed', expectedVersion: current.version }, 200);

  const leaderships = await secretariat.get(`/clusters/${r.ids.clusterId}/leaderships`, 200);
  const next = (
    leaderships as { termYear: number; role: string; basis: string; unit: { code: string; name: string } }[]
  ).find((l) => l.termYear === YEAR + 1 && l.role === 'leader');
  if (!next || next.unit.code !== ELECTED_2012) throw new Error(`No ${YEAR + 1} leader recorded from the election.`);
  r.outcome.leader2012 = { unitCode: next.unit.code, basis: next.basis };
  const counts = record.content.counts as { unitCode: string; votes: number }[];
  const winnerVotes = counts.find((c) => c.unitCode === ELECTED_2012)?.votes ?? 0;
  r.outcome.election = {
    winnerCode: ELECTED_2012,
    votes: winnerVotes,
    ballots: closed.ballotsCast,
    certifiedAt: certified.certifiedAt,
  };

  return [
    `meeting “${meeting.title}”, ${MEETING.heldOn}, ${MEETING.place}`,
    `attendance: ${quorum.present} of ${quorum.members} delegates checked in; quorum ${quorum.quorum.requiredUnits} units — met: ${quorum.quorum.met}`,
    `leader election for ${YEAR + 1}: ${candidates.filter((c) => c.eligible).length} candidates; ${LEADER_2011} refused (${refused.refusalCode}): ${refused.refusalReason}`,
    `${closed.ballotsCast} secret ballots; tally: ${tally(counts)}; ` +
      `needed ${tallied.result.votesNeeded} of ${tallied.result.base?.value ?? UNITS.length} members`,
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
