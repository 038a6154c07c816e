import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ElectionsErrorCode, ElectionsException } from './elections.exception';
import { PaperCountEntry } from './paper-count-entry.entity';
import { PaperCountReader } from './paper-counts';
import { comparePaperSheets, sheetLines, toPaperCount, type PaperComparison } from './paper-tally';
import type { Poll } from './poll.entity';
import type { PaperCount } from './poll-tally';

export interface PaperState {
  lines: string[];
  entries: PaperCountEntry[];
  issuedOnRecord: number;
  comparison: PaperComparison;
}

/** The lines of the poll's sheet, every entry (oldest first), the ballots handed out, and the comparison. */
export async function loadPaperState(manager: EntityManager, poll: Poll): Promise<PaperState> {
  const positions = (await manager.query(
    `SELECT position FROM poll_candidates WHERE poll_id = $1 AND position IS NOT NULL ORDER BY position`,
    [poll.id],
  )) as { position: number }[];
  const lines = sheetLines(
    poll.kind,
    positions.map((p) => p.position),
  );
  const entries = await manager.find(PaperCountEntry, {
    where: { pollId: poll.id },
    order: { enteredAt: 'ASC', id: 'ASC' },
  });
  const [{ issued }] = (await manager.query(
    `SELECT coalesce(sum(v.weight), 0)::int AS issued
       FROM poll_participations p JOIN poll_voters v ON v.poll_id = p.poll_id AND v.unit_id = p.unit_id
      WHERE p.poll_id = $1 AND p.channel = 'paper'`,
    [poll.id],
  )) as { issued: number }[];
  const comparison = comparePaperSheets(lines, entries, {
    kind: poll.kind,
    issuedOnRecord: issued,
    maxApprovals: poll.maxApprovals,
  });
  return { lines, entries, issuedOnRecord: issued, comparison };
}

/** The refusal of a tally (or certification) while the paper count is not accepted, naming the lines. */
export function paperCountRefusal(comparison: PaperComparison): ElectionsException {
  const disagreeing = comparison.lines.filter((l) => !l.agreed);
  const detail =
    comparison.inconsistencies.length > 0
      ? `The agreed paper count does not add up: ${comparison.inconsistencies.join('; ')}. Correct the entries.`
      : disagreeing.length > 0
        ? `Two counting-board members must agree on every line; they do not yet on: ${disagreeing.map((l) => l.line).join(', ')}.`
        : 'Two counting-board members must enter the whole sheet and agree on every line.';
  return new ElectionsException(ElectionsErrorCode.PaperCountMissing, detail, {
    disagreeingLines: disagreeing.map((l) => ({ line: l.line, figures: l.figures })),
    inconsistencies: comparison.inconsistencies,
  });
}

/** The tally's source of the paper count: accepted, or a refusal that says which lines disagree. */
@Injectable()
export class AcceptedPaperCounts extends PaperCountReader {
  async accepted(manager: EntityManager, poll: Poll): Promise<PaperCount | null> {
    const { comparison } = await loadPaperState(manager, poll);
    if (!comparison.accepted || !comparison.sheet) throw paperCountRefusal(comparison);
    return toPaperCount(comparison.sheet);
  }
}
