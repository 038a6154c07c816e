import { checkSheet, comparePaperSheets, sheetLines, toPaperCount, type PaperEntryFacts } from './paper-tally';

const LINES = sheetLines('leader_election', [1, 0]);
const expect7 = { kind: 'leader_election' as const, issuedOnRecord: 7, maxApprovals: null };
let serial = 0;
const sheet = (member: string, figures: Record<string, number>): PaperEntryFacts[] =>
  Object.entries(figures).map(([line, count]) => ({
    id: `e${++serial}`,
    enteredBy: member,
    line,
    count,
    supersedesId: null,
  }));
const good = { 'option:0': 5, 'option:1': 1, blank: 1, invalid: 0, ballots_issued: 7, ballots_received: 7 };

describe('paper double entry', () => {
  it('lists one line per option (by position), then the totals; a motion has yes and no', () => {
    expect(LINES).toEqual(['option:0', 'option:1', 'blank', 'invalid', 'ballots_issued', 'ballots_received']);
    expect(sheetLines('motion', [])).toEqual(['option:0', 'option:1', ...LINES.slice(2)]);
  });

  it('accepts two members whose every line agrees, and reads it as the tally does', () => {
    const result = comparePaperSheets(LINES, [...sheet('a', good), ...sheet('b', good)], expect7);
    expect(result).toMatchObject({ accepted: true, agreeingMembers: ['a', 'b'], inconsistencies: [] });
    expect(result.lines.every((l) => l.agreed)).toBe(true);
    expect(toPaperCount(result.sheet!)).toEqual({ ballots: 7, blank: 1, invalid: 0, options: { 0: 5, 1: 1 } });
  });

  it('refuses one entry alone, and names the lines two members disagree on', () => {
    expect(comparePaperSheets(LINES, sheet('a', good), expect7).accepted).toBe(false);
    const other = { ...good, 'option:0': 4, 'option:1': 2 };
    const result = comparePaperSheets(LINES, [...sheet('a', good), ...sheet('b', other)], expect7);
    expect(result.accepted).toBe(false);
    expect(result.lines.filter((l) => !l.agreed).map((l) => l.line)).toEqual(['option:0', 'option:1']);
  });

  it('reads the current figure: a correction supersedes the old entry', () => {
    const b = sheet('b', { ...good, 'option:0': 4, 'option:1': 2 });
    const fix = (line: string, count: number): PaperEntryFacts => ({
      id: `fix-${line}`,
      enteredBy: 'b',
      line,
      count,
      supersedesId: b.find((e) => e.line === line)!.id,
    });
    const result = comparePaperSheets(
      LINES,
      [...sheet('a', good), ...b, fix('option:0', 5), fix('option:1', 1)],
      expect7,
    );
    expect(result.accepted).toBe(true);
  });

  it('takes the pair that agrees when a third member differs, but not two pairs that disagree', () => {
    const odd = { ...good, blank: 0, invalid: 1 };
    const three = [...sheet('a', good), ...sheet('b', odd), ...sheet('c', good)];
    expect(comparePaperSheets(LINES, three, expect7)).toMatchObject({ accepted: true, agreeingMembers: ['a', 'c'] });
    const four = [...three, ...sheet('d', odd)];
    expect(comparePaperSheets(LINES, four, expect7).accepted).toBe(false);
  });

  it('refuses an agreed sheet that does not add up or disagrees with the ballots handed out', () => {
    expect(checkSheet({ ...good, ballots_issued: 8 }, expect7)).toEqual([
      'ballots_issued is 8 but 7 paper ballots were handed out on record',
    ]);
    expect(checkSheet({ ...good, blank: 2 }, expect7)).toHaveLength(1);
    const awards = { kind: 'award_proposal' as const, issuedOnRecord: 7, maxApprovals: 1 };
    expect(checkSheet({ ...good, 'option:0': 6, 'option:1': 1 }, awards)).toEqual([
      'the approvals (7) exceed 1 per marked ballot',
    ]);
  });
});
