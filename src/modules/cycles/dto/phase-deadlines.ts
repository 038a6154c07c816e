import { registerDecorator, type ValidationArguments } from 'class-validator';
import { isCalendarDay } from '../cycle-calendar';
import type { CyclePhase } from '../cycle-phase';
import { DEADLINE_PHASES, type DeadlinePhase } from '../cycle.state-machine';

export type PhaseDeadlines = Partial<Record<DeadlinePhase, string>>;
/** A change of deadlines: a day sets one, null clears it. */
export type PhaseDeadlineChanges = Partial<Record<DeadlinePhase, string | null>>;

/** OpenAPI schema of a `{ phase: 'YYYY-MM-DD' }` map. */
export function phaseDeadlinesSchema(nullable: boolean) {
  return {
    type: 'object' as const,
    additionalProperties: false,
    properties: Object.fromEntries(
      DEADLINE_PHASES.map((phase) => [phase, { type: 'string', format: 'date', nullable }]),
    ) as Record<string, object>,
    example: { rules_adoption: '2011-12-31', pledge_signing: '2012-03-31' },
  };
}

function problems(value: unknown, allowNull: boolean): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return ['must be an object of phase: YYYY-MM-DD'];
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([phase, day]) => {
    if (!(DEADLINE_PHASES as readonly string[]).includes(phase)) {
      return [`'${phase}' is not a phase with a deadline; use one of: ${DEADLINE_PHASES.join(', ')}`];
    }
    if (day === null && allowNull) return [];
    return isCalendarDay(day) ? [] : [`${phase} must be a real calendar day written YYYY-MM-DD`];
  });
}

/** Keys are phases other than `closed`; values are real calendar days (or null, to clear, when allowed). */
export function IsPhaseDeadlines(options: { allowNull: boolean }) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPhaseDeadlines',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => problems(value, options.allowNull).length === 0,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property}: ${problems(args.value, options.allowNull).join('; ')}`,
      },
    });
}

/** The stored map in phase order (jsonb does not keep key order). */
export function orderedDeadlines(deadlines: Partial<Record<CyclePhase, string>>): PhaseDeadlines {
  const ordered: PhaseDeadlines = {};
  for (const phase of DEADLINE_PHASES) if (deadlines[phase]) ordered[phase] = deadlines[phase];
  return ordered;
}

/** A real calendar day written `YYYY-MM-DD`. */
export function IsCalendarDay() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDay',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => isCalendarDay(value),
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be a real calendar day written YYYY-MM-DD`,
      },
    });
}
