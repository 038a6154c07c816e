import type { DomainException } from './domain.exception';

/**
 * Maps a database constraint to the module error that explains it. Services check first and
 * throw their own error; under true concurrency the constraint is what catches the loser, and
 * this map makes the loser's answer the same as if the check had caught it.
 */
const byConstraint = new Map<string, () => DomainException>();

export function explainConstraint(constraint: string, toError: () => DomainException): void {
  byConstraint.set(constraint, toError);
}

export function errorForConstraint(constraint: string | undefined): DomainException | undefined {
  return constraint ? byConstraint.get(constraint)?.() : undefined;
}
