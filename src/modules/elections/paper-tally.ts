import { MOTION_NO, MOTION_YES } from './ballot-choice';
import type { PollKind } from './poll.entity';
import type { PaperCount } from './poll-tally';

/**
 * The paper count by double entry (kiểm phiếu giấy, decision 014): every counting-board member
 * enters the whole sheet on their own; the count is accepted when the current figures of two
 * members agree on every line and the agreed sheet adds up. Pure functions over the entries.
 */

export const TOTAL_LINES = ['blank', 'invalid', 'ballots_issued', 'ballots_received'] as const;

/** The lines of a poll's count sheet: one per ballot option (`option:<position>`), then the totals. */
export function sheetLines(kind: PollKind, positions: readonly number[]): string[] {
  const options = kind === 'motion' ? [MOTION_YES, MOTION_NO] : [...positions].sort((a, b) => a - b);
  return [...options.map((p) => `option:${p}`), ...TOTAL_LINES];
}

export interface PaperEntryFacts {
  id: string;
  enteredBy: string;
  line: string;
  count: number;
  supersedesId: string | null;
}

/** Each member's current figure of each line: the entry that no later entry supersedes. */
export function currentFigures<E extends PaperEntryFacts>(entries: readonly E[]): Map<string, Map<string, E>> {
  const superseded = new Set(entries.map((e) => e.supersedesId).filter((id): id is string => id !== null));
  const byMember = new Map<string, Map<string, E>>();
  for (const entry of entries) {
    if (superseded.has(entry.id)) continue;
    const sheet = byMember.get(entry.enteredBy) ?? new Map<string, E>();
    sheet.set(entry.line, entry);
    byMember.set(entry.enteredBy, sheet);
  }
  return byMember;
}

export interface LineComparison {
  line: string;
  figures: { memberId: string; count: number | null }[];
  /** Two members at least gave a figure, and all figures given are equal. */
  agreed: boolean;
}

export interface PaperComparison {
  accepted: boolean;
  /** The members whose whole sheets agree (two or more), when some do. */
  agreeingMembers: string[];
  /** The agreed figures by line, when accepted. */
  sheet: Record<string, number> | null;
  lines: LineComparison[];
  /** Why an agreed sheet is still refused: it does not add up, or disagrees with the register. */
  inconsistencies: string[];
}

export interface SheetExpectations {
  kind: PollKind;
  /** Paper ballots handed out as recorded in participation (each voter's weight). */
  issuedOnRecord: number;
  /** Award proposals: the most approvals one ballot may give. */
  maxApprovals: number | null;
}

export function comparePaperSheets(
  lines: readonly string[],
  entries: readonly PaperEntryFacts[],
  expectations: SheetExpectations,
): PaperComparison {
  const current = currentFigures(entries);
  const members = [...current.keys()].sort();
  const comparison: LineComparison[] = lines.map((line) => {
    const figures = members.map((memberId) => ({ memberId, count: current.get(memberId)!.get(line)?.count ?? null }));
    const given = figures.filter((f) => f.count !== null).map((f) => f.count);
    return { line, figures, agreed: given.length >= 2 && given.every((n) => n === given[0]) };
  });
  // Whole sheets that two members or more entered identically; exactly one such sheet is the count.
  const bySheet = new Map<string, string[]>();
  for (const memberId of members) {
    const sheet = current.get(memberId)!;
    if (!lines.every((line) => sheet.has(line))) continue;
    const key = lines.map((line) => sheet.get(line)!.count).join(',');
    bySheet.set(key, [...(bySheet.get(key) ?? []), memberId]);
  }
  const agreeing = [...bySheet.entries()].filter(([, who]) => who.length >= 2);
  if (agreeing.length !== 1) {
    return { accepted: false, agreeingMembers: [], sheet: null, lines: comparison, inconsistencies: [] };
  }
  const [key, agreeingMembers] = agreeing[0];
  const counts = key.split(',').map(Number);
  const sheet = Object.fromEntries(lines.map((line, i) => [line, counts[i]]));
  const inconsistencies = checkSheet(sheet, expectations);
  return { accepted: inconsistencies.length === 0, agreeingMembers, sheet, lines: comparison, inconsistencies };
}

/** What a counting board checks before signing: the sheet adds up and matches the ballots handed out. */
export function checkSheet(sheet: Record<string, number>, expectations: SheetExpectations): string[] {
  const found: string[] = [];
  const { ballots_issued: issued, ballots_received: received, blank, invalid } = sheet;
  const options = Object.entries(sheet).filter(([line]) => line.startsWith('option:'));
  const optionTotal = options.reduce((sum, [, n]) => sum + n, 0);
  if (issued !== expectations.issuedOnRecord) {
    found.push(
      `ballots_issued is ${issued} but ${expectations.issuedOnRecord} paper ballots were handed out on record`,
    );
  }
  if (received > issued) found.push(`ballots_received (${received}) exceeds ballots_issued (${issued})`);
  if (expectations.kind === 'award_proposal') {
    const marked = received - blank - invalid;
    if (marked < 0) found.push(`blank + invalid (${blank + invalid}) exceeds ballots_received (${received})`);
    for (const [line, n] of options)
      if (n > Math.max(marked, 0)) found.push(`${line} (${n}) exceeds the marked ballots (${marked})`);
    if (expectations.maxApprovals !== null && optionTotal > Math.max(marked, 0) * expectations.maxApprovals) {
      found.push(`the approvals (${optionTotal}) exceed ${expectations.maxApprovals} per marked ballot`);
    }
  } else if (optionTotal + blank + invalid !== received) {
    found.push(
      `the options (${optionTotal}) + blank (${blank}) + invalid (${invalid}) do not make ballots_received (${received})`,
    );
  }
  return found;
}

/** The agreed sheet as the tally reads it: the ballots in the box, blank, invalid, votes per position. */
export function toPaperCount(sheet: Record<string, number>): PaperCount {
  const options: Record<number, number> = {};
  for (const [line, n] of Object.entries(sheet)) if (line.startsWith('option:')) options[Number(line.slice(7))] = n;
  return { ballots: sheet.ballots_received, blank: sheet.blank, invalid: sheet.invalid, options };
}
