import { randomUUID } from 'node:crypto';
import { CommonException } from '../../../common/errors/common.exception';
import { parseCastBallot } from './cast-ballot.parse';

describe(parseCastBallot.name, () => {
  const fields = (body: unknown) => {
    try {
      parseCastBallot(body);
    } catch (error) {
      expect(error).toBeInstanceOf(CommonException);
      return ((error as CommonException).extensions.errors as { field: string }[]).map((e) => e.field);
    }
    throw new Error('expected a refusal');
  };

  it('accepts what CastBallotDto accepts', () => {
    const approve = [randomUUID()];
    expect(parseCastBallot({ choice: 'abstain' })).toEqual({ choice: 'abstain', approve: undefined });
    expect(parseCastBallot({ approve })).toEqual({ choice: undefined, approve });
    expect(parseCastBallot({})).toEqual({ choice: undefined, approve: undefined });
  });

  it('refuses, field by field, what the validation pipe would refuse', () => {
    expect(fields('yes')).toEqual(['body']);
    expect(fields(null)).toEqual(['body']);
    expect(fields([])).toEqual(['body']);
    expect(fields({ choice: 7 })).toEqual(['choice']);
    expect(fields({ choice: 'x'.repeat(101) })).toEqual(['choice']);
    expect(fields({ approve: 'all' })).toEqual(['approve']);
    expect(fields({ approve: ['not-a-uuid'] })).toEqual(['approve']);
    expect(fields({ approve: Array.from({ length: 32 }, () => randomUUID()) })).toEqual(['approve']);
    expect(fields({ choice: 'yes', weight: 3 })).toEqual(['weight']);
  });
});
