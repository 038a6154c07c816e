import type { EntityManager } from 'typeorm';
import { ScoreEntry } from './score-entry.entity';
import { ScoreSheet } from './score-sheet.entity';

/** A unit's score sheet as other modules read it (they never write it). */
export interface ScoreSheetFacts {
  id: string;
  periodId: string;
  unitId: string;
  status: ScoreSheet['status'];
}

/** One line of a sheet as other modules read it: what evidence hangs on. */
export interface ScoreEntryFacts {
  id: string;
  sheetId: string;
  itemCode: string;
}

/** An entry with the sheet it belongs to. */
export interface ScoreEntryOfSheet {
  entry: ScoreEntryFacts;
  sheet: ScoreSheetFacts;
}

const SHARE = { lock: { mode: 'pessimistic_read' as const } };

function toFacts(entry: ScoreEntry, sheet: ScoreSheet): ScoreEntryOfSheet {
  return {
    entry: { id: entry.id, sheetId: entry.sheetId, itemCode: entry.itemCode },
    sheet: { id: sheet.id, periodId: sheet.periodId, unitId: sheet.unitId, status: sheet.status },
  };
}

/**
 * The unit's entry for the item in the period, or null; `shareSheet` share-locks the sheet to the
 * end of the caller's transaction (it is not submitted meanwhile).
 */
export async function findScoreEntry(
  manager: EntityManager,
  key: { periodId: string; unitId: string; itemCode: string },
  shareSheet: boolean,
): Promise<ScoreEntryOfSheet | null> {
  const sheet = await manager.findOne(ScoreSheet, {
    where: { periodId: key.periodId, unitId: key.unitId },
    ...(shareSheet ? SHARE : {}),
  });
  const entry = sheet && (await manager.findOne(ScoreEntry, { where: { sheetId: sheet.id, itemCode: key.itemCode } }));
  return sheet && entry ? toFacts(entry, sheet) : null;
}

/** The entry of this id with its sheet (a foreign key guarantees both); `shareSheet` as above. */
export async function scoreEntryById(
  manager: EntityManager,
  entryId: string,
  shareSheet: boolean,
): Promise<ScoreEntryOfSheet> {
  const entry = await manager.findOneByOrFail(ScoreEntry, { id: entryId });
  const sheet = await manager.findOneOrFail(ScoreSheet, { where: { id: entry.sheetId }, ...(shareSheet ? SHARE : {}) });
  return toFacts(entry, sheet);
}
