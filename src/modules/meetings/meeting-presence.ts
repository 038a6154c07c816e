import type { EntityManager } from 'typeorm';
import { cycleOrThrow } from '../cycles';
import { currentMemberUnits } from '../registry';
import { findRulesVersion, type RulesContent } from '../rules';
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
  const members = await currentMemberUnits(manager, meeting.clusterId);
  const seated = (await manager.query(
    `SELECT unit_id, delegate_id FROM meeting_attendances WHERE meeting_id = $1 AND checked_out_at IS NULL`,
    [meeting.id],
  )) as { unit_id: string; delegate_id: string }[];
  const delegateOf = new Map(seated.map((row) => [row.unit_id, row.delegate_id]));
  return {
    memberUnitIds: members.map((unit) => unit.unitId),
    present: members.flatMap((unit) => {
      const delegateId = delegateOf.get(unit.unitId);
      return delegateId ? [{ unitId: unit.unitId, unitCode: unit.code, unitName: unit.name, delegateId }] : [];
    }),
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
  const cycle = await cycleOrThrow(manager, cycleId);
  if (!cycle.rulesVersionId) {
    throw new MeetingsException(
      MeetingsErrorCode.RulesNotPinned,
      `Pin an adopted rules version to the ${cycle.year} cycle first: quorum and tallies follow its voting rules.`,
      { cycleId },
    );
  }
  const rules = (await findRulesVersion(manager, cycle.rulesVersionId))!;
  return { rulesVersionId: cycle.rulesVersionId, content: rules.content };
}
