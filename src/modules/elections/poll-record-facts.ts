import type { EntityManager } from 'typeorm';

/** A poll as another record cites it: its title, when it was certified and its counting record. */
export interface PollCitation {
  id: string;
  title: string;
  certifiedAt: Date | null;
  countingRecordDocumentId: string | null;
}

/** The poll, or null (a record citing it still prints); read in the caller's transaction. */
export async function pollCitation(manager: EntityManager, pollId: string): Promise<PollCitation | null> {
  const [row] = (await manager.query(
    `SELECT id, title, certified_at, counting_record_document_id FROM polls WHERE id = $1`,
    [pollId],
  )) as { id: string; title: string; certified_at: Date | string | null; counting_record_document_id: string | null }[];
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    certifiedAt: row.certified_at === null ? null : new Date(row.certified_at),
    countingRecordDocumentId: row.counting_record_document_id,
  };
}

/** The unit on each ballot position of the poll (paper ballots number their candidates), by position. */
export async function candidatePositions(manager: EntityManager, pollId: string): Promise<Map<number, string>> {
  const rows = (await manager.query(
    `SELECT position, unit_id FROM poll_candidates WHERE poll_id = $1 AND position IS NOT NULL`,
    [pollId],
  )) as { position: number; unit_id: string }[];
  return new Map(rows.map((row) => [row.position, row.unit_id]));
}

/** The certified poll whose counting record is each of these documents, by document id (what the public verifier asks). */
export async function certifiedPollsOfCountingRecords(
  manager: EntityManager,
  documentIds: readonly string[],
): Promise<Map<string, string>> {
  if (documentIds.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT id, counting_record_document_id FROM polls
      WHERE counting_record_document_id = ANY($1::uuid[]) AND status = 'certified'`,
    [[...new Set(documentIds)]],
  )) as { id: string; counting_record_document_id: string }[];
  return new Map(rows.map((row) => [row.counting_record_document_id, row.id]));
}
