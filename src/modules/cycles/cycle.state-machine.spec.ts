import { isCalendarDay, todayInVietnam } from './cycle-calendar';
import type { Cycle } from './cycle.entity';
import { CycleStateMachine, rulesPinMode } from './cycle.state-machine';
import { CyclesErrorCode } from './cycles.exception';

const cycleIn = (phase: Cycle['phase'], version = 1) => ({ year: 2030, phase, version, deadlines: {} }) as Cycle;
const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return undefined;
};

describe('CycleStateMachine', () => {
  it('moves exactly one phase forward', () => {
    expect(refusal(() => CycleStateMachine.assertAdvance(cycleIn('setup'), 'rules_adoption'))).toBeUndefined();
    expect(refusal(() => CycleStateMachine.assertAdvance(cycleIn('setup'), 'pledge_signing'))).toBe(
      CyclesErrorCode.PhaseSkip,
    );
    expect(refusal(() => CycleStateMachine.assertAdvance(cycleIn('voting'), 'voting'))).toBe(
      CyclesErrorCode.PhaseBackwards,
    );
    expect(refusal(() => CycleStateMachine.assertAdvance(cycleIn('voting'), 'setup'))).toBe(
      CyclesErrorCode.PhaseBackwards,
    );
    expect(refusal(() => CycleStateMachine.assertAdvance(cycleIn('closed'), 'setup'))).toBe(
      CyclesErrorCode.CycleClosed,
    );
  });

  it('keeps the deadlines of phases already over', () => {
    const cycle = cycleIn('in_progress');
    expect(
      refusal(() => CycleStateMachine.assertDeadlinesChangeable(cycle, ['in_progress', 'voting'])),
    ).toBeUndefined();
    expect(refusal(() => CycleStateMachine.assertDeadlinesChangeable(cycle, ['pledge_signing']))).toBe(
      CyclesErrorCode.DeadlineForPastPhase,
    );
  });

  it('locks the pinned rules step by step', () => {
    expect(rulesPinMode('setup')).toBe('any');
    expect(rulesPinMode('rules_adoption')).toBe('any');
    expect(rulesPinMode('pledge_signing')).toBe('amendment');
    expect(rulesPinMode('in_progress')).toBe('amendment');
    expect(rulesPinMode('evaluation')).toBe('locked');
    expect(rulesPinMode('closed')).toBe('locked');
  });
});

describe('cycle calendar', () => {
  it('tells the day in Asia/Ho_Chi_Minh (UTC+7), not the server’s', () => {
    expect(todayInVietnam(new Date('2011-11-20T16:59:59Z'))).toBe('2011-11-20');
    expect(todayInVietnam(new Date('2011-11-20T17:00:00Z'))).toBe('2011-11-21');
  });

  it('accepts only real calendar days', () => {
    expect(isCalendarDay('2012-02-29')).toBe(true);
    expect(isCalendarDay('2011-02-29')).toBe(false);
    expect(isCalendarDay('2011-13-01')).toBe(false);
    expect(isCalendarDay('2011-1-1')).toBe(false);
    expect(isCalendarDay(20111121)).toBe(false);
  });
});
