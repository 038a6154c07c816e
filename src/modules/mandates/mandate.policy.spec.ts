import type { Actor, ActiveMandate } from '../../common/access/actor';
import { permissionsFor } from '../../common/access/permission';
import { MandatePolicy } from './mandate.policy';
import { MandatesErrorCode } from './mandates.exception';

const UNIT = '00000000-0000-4000-8000-000000000001';
const OTHER_UNIT = '00000000-0000-4000-8000-000000000002';
const CLUSTER = '00000000-0000-4000-8000-000000000003';

function actor(...mandates: Pick<ActiveMandate, 'role' | 'unitId' | 'clusterId'>[]): Actor {
  return {
    userId: 'me',
    email: 'me@thidua.local',
    fullName: 'Me',
    locale: 'vi',
    sessionId: 's',
    mandates: mandates.map((m, i) => ({ id: `m${i}`, validFrom: new Date(0), validTo: null, ...m })),
    permissions: permissionsFor(mandates.map((m) => m.role)),
  };
}

const refusal = (fn: () => void) => {
  try {
    fn();
    return 'allowed';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('MandatePolicy', () => {
  const admin = actor({ role: 'admin', unitId: null, clusterId: null });
  const head = actor({ role: 'head', unitId: UNIT, clusterId: null });
  const secretariat = actor({ role: 'secretariat', unitId: null, clusterId: CLUSTER });

  it.each([
    ['admin', admin, { role: 'head', unitId: UNIT }, 'allowed'],
    ['admin', admin, { role: 'secretariat', clusterId: CLUSTER }, 'allowed'],
    ['head', head, { role: 'delegate', unitId: UNIT }, 'allowed'],
    ['head', head, { role: 'officer', unitId: UNIT }, 'allowed'],
    ['head', head, { role: 'head', unitId: UNIT }, MandatesErrorCode.GrantForbidden],
    ['head', head, { role: 'delegate', unitId: OTHER_UNIT }, MandatesErrorCode.GrantForbidden],
    ['head', head, { role: 'secretariat', clusterId: CLUSTER }, MandatesErrorCode.GrantForbidden],
    ['secretariat', secretariat, { role: 'delegate', unitId: UNIT }, MandatesErrorCode.GrantForbidden],
    ['secretariat', secretariat, { role: 'secretariat', clusterId: CLUSTER }, MandatesErrorCode.GrantForbidden],
  ] as const)('%s granting %j: %s', (_who, who, scope, expected) => {
    expect(refusal(() => MandatePolicy.assertMayGrant(who, scope, 'someone-else'))).toBe(expected);
  });

  it('nobody grants themselves, an administrator included', () => {
    for (const who of [admin, head]) {
      expect(refusal(() => MandatePolicy.assertMayGrant(who, { role: 'delegate', unitId: UNIT }, 'me'))).toBe(
        MandatesErrorCode.SelfGrantForbidden,
      );
    }
  });

  it('the secretariat role no longer carries mandates.manage or units.manage', () => {
    expect([...secretariat.permissions]).not.toEqual(expect.arrayContaining(['mandates.manage']));
    expect([...secretariat.permissions]).not.toContain('units.manage');
    expect([...head.permissions]).toEqual(
      expect.arrayContaining(['mandates.manage', 'units.manage', 'memberships.answer']),
    );
  });
});
