import { DataSource, type DataSourceOptions, type EntityManager } from 'typeorm';
import { authConfig } from '../config/auth.config';
import { PasswordHasher } from '../modules/users/password-hasher';
import type { LedgerAction } from '../modules/ledger';
import { LedgerService } from '../modules/ledger/ledger.service';
import { loadDemo2011Cycle, type Demo2011People } from './demo-2011-cycle';
import { Mandate, type Role } from '../modules/mandates/mandate.entity';
import { Cluster } from '../modules/registry/cluster.entity';
import { ClusterMembership } from '../modules/registry/cluster-membership.entity';
import { Unit } from '../modules/registry/unit.entity';
import { User } from '../modules/users/user.entity';

/**
 * The demo cluster of the source text: the cooperative alliances of the 7 northern border
 * provinces, under the national alliance, as they met in Lạng Sơn on 21 November 2011 — with
 * their 2011 cycle at `voting` (see demo-2011-cycle.ts).
 */
export const DEMO_CLUSTER_CODE = 'bien-gioi-phia-bac';
export const DEMO_UNITS = [
  { code: 'son-la', province: 'Sơn La' },
  { code: 'lai-chau', province: 'Lai Châu' },
  { code: 'dien-bien', province: 'Điện Biên' },
  { code: 'ha-giang', province: 'Hà Giang' },
  { code: 'cao-bang', province: 'Cao Bằng' },
  { code: 'lao-cai', province: 'Lào Cai' },
  { code: 'lang-son', province: 'Lạng Sơn' },
] as const;
/** Advisory lock key of the demo loader (distinct from the migrations' key). */
const DEMO_DATA_LOCK = 20111122;
export const DEMO_ADMIN_EMAIL = 'admin@thidua.local';
export const DEMO_SECRETARIAT_EMAILS = ['thuky1@thidua.local', 'thuky2@thidua.local'] as const;

/** The demo people of a unit, by role. */
export function demoUnitEmail(role: 'officer' | 'head' | 'delegate', unitCode: string): string {
  const prefix = { officer: 'canbo', head: 'chutich', delegate: 'daibieu' }[role];
  return `${prefix}.${unitCode}@thidua.local`;
}

const MANDATES_FROM = new Date('2011-01-01T00:00:00+07:00');

export interface DemoDataResult {
  loaded: boolean;
  users: number;
}

/**
 * Loads the demo cluster once (it does nothing when the cluster already exists), in one
 * transaction, with a ledger entry for every record it creates. `hashPassword` gives one argon2id
 * hash of DEMO_PASSWORD, shared by every demo account; it is called only when the data is loaded,
 * so a start on an already loaded database costs no hashing.
 */
export async function loadDemoData(
  dataSource: DataSource,
  hashPassword: () => Promise<string>,
): Promise<DemoDataResult> {
  const ledger = new LedgerService(dataSource);
  return dataSource.transaction(async (manager) => {
    // Two instances starting at once on an empty server: the second waits here, then finds the data.
    await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_DATA_LOCK]);
    if (await manager.getRepository(Cluster).existsBy({ code: DEMO_CLUSTER_CODE })) {
      return { loaded: false, users: 0 };
    }
    const passwordHash = await hashPassword();
    const record = (action: LedgerAction, subjectType: string, subjectId: string, payload: Record<string, unknown>) =>
      ledger.append(manager, {
        actorId: null,
        action,
        subjectType,
        subjectId,
        payload: { ...payload, source: 'demo-data' },
      });

    const national = await manager.save(
      manager.create(Unit, {
        code: 'lmhtx-viet-nam',
        name: 'Liên minh Hợp tác xã Việt Nam',
        shortName: 'Liên minh HTX Việt Nam',
        province: null,
        kind: 'national_alliance',
      }),
    );
    await record('registry.unit_created', 'unit', national.id, {
      code: national.code,
      name: national.name,
      kind: national.kind,
    });

    const cluster = await manager.save(
      manager.create(Cluster, {
        code: DEMO_CLUSTER_CODE,
        name: 'Cụm thi đua Liên minh HTX các tỉnh biên giới phía Bắc',
        description:
          'Liên minh HTX 7 tỉnh miền núi biên giới phía Bắc: Sơn La, Lai Châu, Điện Biên, Hà Giang, Cao Bằng, Lào Cai, Lạng Sơn.',
        parentUnitId: national.id,
      }),
    );
    await record('registry.cluster_created', 'cluster', cluster.id, {
      code: cluster.code,
      name: cluster.name,
      parentUnitId: national.id,
    });

    const units: Unit[] = [];
    for (const { code, province } of DEMO_UNITS) {
      const unit = await manager.save(
        manager.create(Unit, {
          code,
          name: `Liên minh Hợp tác xã tỉnh ${province}`,
          shortName: `Liên minh HTX ${province}`,
          province,
          kind: 'provincial_alliance',
        }),
      );
      units.push(unit);
      await record('registry.unit_created', 'unit', unit.id, { code, name: unit.name, province, kind: unit.kind });
      const membership = await manager.save(
        manager.create(ClusterMembership, { clusterId: cluster.id, unitId: unit.id, joinedOn: '2011-01-01' }),
      );
      await record('registry.membership_started', 'cluster_membership', membership.id, {
        clusterId: cluster.id,
        unitId: unit.id,
        joinedOn: '2011-01-01',
      });
    }

    let users = 0;
    const person = async (
      email: string,
      fullName: string,
      role: Role,
      scope: { unitId?: string; clusterId?: string },
    ) => {
      const user = await manager.save(
        manager.create(User, { email, fullName, locale: 'vi', passwordHash, isActive: true }),
      );
      await record('users.user_created', 'user', user.id, { email, fullName, locale: 'vi' });
      await grant(manager, ledger, user.id, role, scope);
      users += 1;
      return user.id;
    };
    await person(DEMO_ADMIN_EMAIL, 'Quản trị hệ thống', 'admin', {});
    const secretariatId = await person(DEMO_SECRETARIAT_EMAILS[0], 'Thư ký cụm 1', 'secretariat', {
      clusterId: cluster.id,
    });
    await person(DEMO_SECRETARIAT_EMAILS[1], 'Thư ký cụm 2', 'secretariat', { clusterId: cluster.id });
    const people: Demo2011People['units'] = [];
    for (const [index, unit] of units.entries()) {
      const province = DEMO_UNITS[index].province;
      const officerId = await person(
        demoUnitEmail('officer', unit.code),
        `Cán bộ Liên minh HTX ${province}`,
        'officer',
        {
          unitId: unit.id,
        },
      );
      const headId = await person(demoUnitEmail('head', unit.code), `Chủ tịch Liên minh HTX ${province}`, 'head', {
        unitId: unit.id,
      });
      await person(demoUnitEmail('delegate', unit.code), `Đại biểu Liên minh HTX ${province}`, 'delegate', {
        unitId: unit.id,
      });
      people.push({ unit, officerId, headId });
    }
    await loadDemo2011Cycle(manager, ledger, { clusterId: cluster.id, secretariatId, units: people });
    return { loaded: true, users };
  });
}

async function grant(
  manager: EntityManager,
  ledger: LedgerService,
  userId: string,
  role: Role,
  scope: { unitId?: string; clusterId?: string },
): Promise<void> {
  const mandate = await manager.save(
    manager.create(Mandate, {
      userId,
      role,
      unitId: scope.unitId ?? null,
      clusterId: scope.clusterId ?? null,
      validFrom: MANDATES_FROM,
      validTo: null,
      grantedBy: null,
    }),
  );
  await ledger.append(manager, {
    actorId: null,
    action: 'mandates.mandate_granted',
    subjectType: 'mandate',
    subjectId: mandate.id,
    payload: {
      userId,
      role,
      unitId: mandate.unitId,
      clusterId: mandate.clusterId,
      validFrom: MANDATES_FROM.toISOString(),
      source: 'demo-data',
    },
  });
}

/** Migrates a database and loads the demo cluster with the given password (one argon2 hash). */
export async function migrateAndLoadDemo(options: DataSourceOptions, password: string): Promise<DemoDataResult> {
  const dataSource = await new DataSource(options).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    return await loadDemoData(dataSource, () => new PasswordHasher(authConfig()).hash(password));
  } finally {
    await dataSource.destroy();
  }
}
