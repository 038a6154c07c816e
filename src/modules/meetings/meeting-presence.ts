import type { EntityManager } from 'typeorm';
import { Cycle } from '../cycles/cycle.entity';
import { CyclesException } from '../cycles';
import { currentMembershipSql } from '../registry';
import type { RulesContent } from '../rules';
import type { Meeting } from './meeting.entity';
import { MeetingsErrorCode, MeetingsException } from './meetings.exception';

export interface PresentUnit {
  unitId: string;
  unitCode: string;
  unitName: string;
  delegateId: string;
}

/** Who the meeting has in the room now: the cluster's current member units, and those present. */
export interface Presence {
  memberUnitIds: string[];
  /** Member units with a delegate checked in and not out, by unit code. */
  present: PresentUnit[];
}

/** Member units today, and the ones with someone in the register now. Pass the transaction's manager. */
export async function meetingPresence(manager: EntityManager, meeting: Meeting): Promise<Presence> {
  const rows = (await manager.query(
    `SELECT m.unit_id, u.code, u.name, a.delegate_id
       FROM cluster_memberships m
       JOIN units u ON u.id = m.unit_id
       LEFT JOIN meeting_attendances a
              ON a.meeting_id = $2 AND a.unit_id = m.unit_id AND a.checked_out_at IS NULL
      WHERE m.cluster_id = $1 AND ${currentMembershipSql('m')}
      ORDER BY u.code`,
    [meeting.clusterId, meeting.id],
  )) as { unit_id: string; code: string; name: string; delegate_id: string | null }[];
  return {
    memberUnitIds: rows.map((row) => row.unit_id),
    present: rows
      .filter((row) => row.delegate_id !== null)
      .map((row) => ({ unitId: row.unit_id, unitCode: row.code, unitName: row.name, delegateId: row.delegate_id! })),
  };
}

/** Shares are compared with a little slack so that 2/3 of 6 (3.999… in floating point) is 4. */
export function reachesShare(count: number, total: number, share: number): boolean {
  return total > 0 && count >= share * total - 1e-9;
}

export interface PinnedRules {
  rulesVersionId: string;
  content: RulesContent;
}

/** The rules version the meeting's cycle is pinned to (its voting rules decide quorum and tallies). */
export async function pinnedRules(manager: EntityManager, cycleId: string): Promise<PinnedRules> {
  const cycle = await manager.findOne(Cycle, { where: { id: cycleId } });
  if (!cycle) throw CyclesException.cycleNotFound(cycleId);
  if (!cycle.rulesVersionId) {
    throw new MeetingsException(
      MeetingsErrorCode.RulesNotPinned,
      `Pin an adopted rules version to the ${cycle.year} cycle first: quorum and tallies follow its voting rules.`,
      { cycleId },
    );
  }
  const [row] = (await manager.query(`SELECT content FROM rules_versions WHERE id = $1`, [cycle.rulesVersionId])) as {
    content: RulesContent;
  }[];
  return { rulesVersionId: cycle.rulesVersionId, content: row.content };
}
