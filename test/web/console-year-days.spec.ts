import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

interface DaysLeft {
  dayInVietnam(now: Date): string;
  daysLeft(deadline: string, now: Date): number;
  deadlineState(days: number, soonDays?: number): string;
}

// web/ is an ES module package, which this CommonJS jest setup cannot import: the file is
// transpiled here as it stands, so the test runs the very code the browser runs.
function loadDaysLeft(): DaysLeft {
  const source = readFileSync(join(__dirname, '..', '..', 'web', 'src', 'console', 'home', 'days-left.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const module = { exports: {} as DaysLeft };
  new Function('module', 'exports', outputText)(module, module.exports);
  return module.exports;
}
const { dayInVietnam, daysLeft, deadlineState } = loadDaysLeft();

/**
 * Days left before a phase's deadline, as the console's home counts them: calendar days in
 * Asia/Ho_Chi_Minh (UTC+7, no daylight saving), whatever the zone of the machine running it.
 * Every instant is fixed here; nothing depends on today.
 */
describe('daysLeft', () => {
  it('counts whole calendar days to the deadline, 0 on the day itself, negative once past', () => {
    const noon20 = new Date('2011-11-20T05:00:00Z'); // 12:00 on 20 November in Hà Nội
    expect(daysLeft('2011-11-25', noon20)).toBe(5);
    expect(daysLeft('2011-11-21', noon20)).toBe(1);
    expect(daysLeft('2011-11-20', noon20)).toBe(0);
    expect(daysLeft('2011-11-18', noon20)).toBe(-2);
  });

  it("takes the day from Vietnam's clock, not UTC's: late evening UTC is already tomorrow there", () => {
    const lateUtc = new Date('2011-11-20T17:30:00Z'); // 00:30 on 21 November in Hà Nội
    expect(dayInVietnam(lateUtc)).toBe('2011-11-21');
    expect(daysLeft('2011-11-21', lateUtc)).toBe(0);
    const endOfDay = new Date('2011-11-21T16:59:59Z'); // 23:59:59 on 21 November in Hà Nội
    expect(daysLeft('2011-11-21', endOfDay)).toBe(0);
    expect(daysLeft('2011-11-21', new Date('2011-11-21T17:00:00Z'))).toBe(-1);
  });

  it('counts across months, years and a leap day', () => {
    const now = new Date('2011-12-30T03:00:00Z');
    expect(daysLeft('2012-01-02', now)).toBe(3);
    expect(daysLeft('2012-03-01', new Date('2012-02-27T03:00:00Z'))).toBe(3); // 28, 29 February, 1 March
    expect(daysLeft('2011-03-31', now)).toBe(-274);
  });

  it('names what the count means for the clerk', () => {
    expect(deadlineState(-1)).toBe('overdue');
    expect(deadlineState(0)).toBe('today');
    expect(deadlineState(7)).toBe('soon');
    expect(deadlineState(8)).toBe('later');
    expect(deadlineState(3, 2)).toBe('later');
  });
});
