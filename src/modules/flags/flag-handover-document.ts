import { EntityNotFoundError, type EntityManager } from 'typeorm';
import { findCycle } from '../cycles';
import { clusterRef, unitRefs, type UnitRef } from '../registry';
import { signedDocuments, type SignedDocumentFacts } from '../signatures';
import { Flag } from './flag.entity';
import type { FlagHandover } from './flag-handover.entity';

export const HANDOVER_DOCUMENT_TYPE = 'thidua.flag-handover';
export const HANDOVER_DOCUMENT_KIND = 'handover_record' as const;

interface UnitInRecord {
  id: string;
  code: string;
  name: string;
}

/** The handover record (biên bản bàn giao cờ luân lưu) both heads sign, as data. */
export interface HandoverRecord {
  type: typeof HANDOVER_DOCUMENT_TYPE;
  formatVersion: 1;
  handoverId: string;
  cluster: { id: string; code: string; name: string };
  flag: { id: string; name: string; description: string | null };
  cycle: { id: string; year: number };
  date: string;
  place: string;
  from: { unit: UnitInRecord };
  to: { unit: UnitInRecord };
  witnesses: string[];
  election: { pollId: string; termYear: number; leadershipId: string };
}

const unitInRecord = (unit: UnitRef): UnitInRecord => ({ id: unit.id, code: unit.code, name: unit.name });

/** The row, or the error `findOneByOrFail` threw before the owners' front doors (a broken foreign key). */
function found<T>(row: T | null | undefined, entity: string, id: string): T {
  if (row === null || row === undefined) throw new EntityNotFoundError(entity, { id });
  return row;
}

/** The signed handover record as stored (its bytes are final). */
export async function storedHandoverRecord(manager: EntityManager, documentId: string): Promise<SignedDocumentFacts> {
  return found((await signedDocuments(manager, [documentId])).get(documentId), 'SignedDocument', documentId);
}

/**
 * The record built from the stored handover. Once released, the record is the stored signed
 * document instead: the incoming head signs exactly the bytes the outgoing head signed, even if
 * a name was corrected in between.
 */
export async function handoverRecord(manager: EntityManager, handover: FlagHandover): Promise<HandoverRecord> {
  if (handover.signedDocumentId) {
    const signed = await storedHandoverRecord(manager, handover.signedDocumentId);
    return JSON.parse(signed.canonical) as HandoverRecord;
  }
  const flag = await manager.findOneByOrFail(Flag, { id: handover.flagId });
  // One query after the other: the embedded database has a single session.
  const cluster = found(await clusterRef(manager, flag.clusterId), 'Cluster', flag.clusterId);
  const cycle = found(await findCycle(manager, handover.cycleId), 'Cycle', handover.cycleId);
  const units = await unitRefs(manager, [handover.fromUnitId, handover.toUnitId]);
  const from = found(units.get(handover.fromUnitId), 'Unit', handover.fromUnitId);
  const to = found(units.get(handover.toUnitId), 'Unit', handover.toUnitId);
  return {
    type: HANDOVER_DOCUMENT_TYPE,
    formatVersion: 1,
    handoverId: handover.id,
    cluster: { id: cluster.id, code: cluster.code, name: cluster.name },
    flag: { id: flag.id, name: flag.name, description: flag.description },
    cycle: { id: cycle.id, year: cycle.year },
    date: handover.handoverDate,
    place: handover.place,
    from: { unit: unitInRecord(from) },
    to: { unit: unitInRecord(to) },
    witnesses: handover.witnesses,
    election: { pollId: handover.electionPollId, termYear: handover.termYear, leadershipId: handover.leadershipId },
  };
}
