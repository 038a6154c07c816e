import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appConfig } from '../../config/app.config';
import { LedgerService } from '../ledger';
import { createBootstrapAccount, PasswordHasher, userIdByEmail } from '../users';
import { Mandate } from './mandate.entity';

const ADMIN_BOOTSTRAP_LOCK = 20111123;

/**
 * The first administrator of a new installation, from ADMIN_EMAIL and ADMIN_PASSWORD: created at
 * start only while nobody holds an admin mandate, so the variables can stay set without effect.
 * Everyone else is then created through the API (as `npm run demo:2011` does).
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(appConfig.KEY) private readonly config: ConfigType<typeof appConfig>,
    private readonly passwords: PasswordHasher,
    private readonly ledger: LedgerService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    const email = adminEmail.trim().toLowerCase();
    const created = await this.dataSource.transaction(async (manager) => {
      // Several instances starting at once: one creates, the others find the mandate.
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ADMIN_BOOTSTRAP_LOCK]);
      const [held] = (await manager.query(
        `SELECT 1 FROM mandates WHERE role = 'admin' AND (valid_to IS NULL OR valid_to > now()) LIMIT 1`,
      )) as unknown[];
      if (held) return false;
      const userId =
        (await userIdByEmail(manager, email)) ??
        (await createBootstrapAccount(manager, {
          email,
          fullName: 'Quản trị hệ thống',
          passwordHash: await this.passwords.hash(adminPassword),
        }));
      const mandate = await manager.save(
        manager.create(Mandate, { userId, role: 'admin', validFrom: new Date(), grantedBy: null }),
      );
      await this.ledger.append(manager, {
        actorId: null,
        action: 'mandates.mandate_granted',
        subjectType: 'mandate',
        subjectId: mandate.id,
        payload: { userId, role: 'admin', unitId: null, clusterId: null, source: 'admin-bootstrap' },
      });
      return true;
    });
    if (created) this.logger.log(`First administrator ${email} created from ADMIN_EMAIL`);
  }
}
