import {
  CLUSTER,
  FLAG,
  FROM_2011,
  LEADER_2011,
  LEADER_2011_NOTE,
  NATIONAL_ALLIANCE,
  SECRETARIAT,
  UNITS,
  YEAR,
  delegate,
  head,
  officer,
  unitName,
} from './replay-2011.data';
import type { Replay } from './replay-2011.context';

/**
 * Step 1, the registry as the cluster stood in 2011. The first administrator creates the national
 * alliance, the cluster, its secretariat and the 7 provincial alliances, admits them and appoints
 * each unit's head; each head creates the unit's officer and delegate and grants their mandates;
 * the secretariat records Lạng Sơn as the 2011 leader and registers the rotating flag in Lạng Sơn's custody.
 */
export async function buildRegistry(r: Replay): Promise<string[]> {
  const admin = r.client.as(r.adminEmail);
  const national = await admin.call((api) => api.POST('/api/v1/units', { body: NATIONAL_ALLIANCE }), 201);
  const cluster = await admin.call(
    (api) => api.POST('/api/v1/clusters', { body: { ...CLUSTER, parentUnitId: national.id } }),
    201,
  );
  r.ids.clusterId = cluster.id;

  for (const [index, email] of SECRETARIAT.entries()) {
    const user = await person(r, r.adminEmail, email, `Thư ký Cụm thi đua ${index + 1}`);
    await admin.call(
      (api) =>
        api.POST('/api/v1/mandates', {
          body: { userId: user, role: 'secretariat', clusterId: cluster.id, validFrom: FROM_2011 },
        }),
      201,
    );
  }

  for (const { code, province } of UNITS) {
    const unit = await admin.call(
      (api) =>
        api.POST('/api/v1/units', {
          body: {
            code,
            name: unitName(province),
            shortName: `Liên minh HTX ${province}`,
            province,
            kind: 'provincial_alliance',
          },
        }),
      201,
    );
    r.ids.units[code] = unit.id;
    await admin.call(
      (api) =>
        api.POST('/api/v1/clusters/{clusterId}/memberships', {
          params: { path: { clusterId: cluster.id } },
          body: { unitId: unit.id, joinedOn: `${YEAR}-01-01` },
        }),
      201,
    );
  }

  // Each unit's head is appointed by its province, entered by the administrator; the head then
  // staffs the unit: one officer and one delegate each. The secretariat grants no mandate.
  const secretariat = r.client.as(SECRETARIAT[0]);
  let people = SECRETARIAT.length;
  for (const { code, province } of UNITS) {
    const unitId = r.ids.units[code];
    const headId = await person(r, r.adminEmail, head(code), `Chủ tịch Liên minh HTX ${province}`);
    await admin.call(
      (api) => api.POST('/api/v1/mandates', { body: { userId: headId, role: 'head', unitId, validFrom: FROM_2011 } }),
      201,
    );
    const staff = [
      ['officer', officer(code), `Cán bộ Liên minh HTX ${province}`],
      ['delegate', delegate(code), `Đại biểu Liên minh HTX ${province}`],
    ] as const;
    for (const [role, email, fullName] of staff) {
      const userId = await person(r, head(code), email, fullName);
      await r.client
        .as(head(code))
        .call((api) => api.POST('/api/v1/mandates', { body: { userId, role, unitId, validFrom: FROM_2011 } }), 201);
    }
    people += 3;
  }

  const leader = await secretariat.call(
    (api) =>
      api.POST('/api/v1/clusters/{clusterId}/leaderships', {
        params: { path: { clusterId: cluster.id } },
        body: { unitId: r.ids.units[LEADER_2011], role: 'leader', termYear: YEAR, note: LEADER_2011_NOTE },
      }),
    201,
  );
  const flag = await secretariat.call(
    (api) =>
      api.POST('/api/v1/clusters/{id}/flag', {
        params: { path: { id: cluster.id } },
        body: { ...FLAG, custodianUnitId: r.ids.units[LEADER_2011] },
      }),
    201,
  );
  r.ids.flagId = flag.id;

  return [
    `${cluster.name} (${cluster.code}) under ${national.name}`,
    `${UNITS.length} member units: ${UNITS.map((u) => u.province).join(', ')}`,
    `${people} people with mandates from ${FROM_2011.slice(0, 10)} (2 secretaries; per unit a head appointed by the administrator, and an officer and a delegate granted by that head)`,
    `${YEAR} leader: ${leader.unit.name} (recorded by the secretariat); the flag is in its custody`,
  ];
}

/** Creates an account through the API and remembers its password for the person's logins. */
async function person(r: Replay, creator: string, email: string, fullName: string): Promise<string> {
  const user = await r.client
    .as(creator)
    .call(
      (api) => api.POST('/api/v1/users', { body: { email, fullName, locale: 'vi', password: r.peoplePassword } }),
      201,
    );
  r.client.knows(email, r.peoplePassword);
  r.ids.users[email] = user.id;
  return user.id;
}
