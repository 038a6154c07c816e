import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { findPage, type Page } from '../../common/pagination/pagination';
import { LedgerService } from '../ledger';
import { clusterRef, lockUnit, RegistryException, unitExists } from '../registry';
import { lockAccount, UsersErrorCode, UsersException } from '../users';
import {
  MANDATE_SORT,
  toMandateResponse,
  type EndMandateDto,
  type GrantMandateDto,
  type ListMandatesQueryDto,
  type MandateResponseDto,
} from './dto/mandates.dto';
import { MandatePolicy, type MandateScope } from './mandate.policy';
import { Mandate } from './mandate.entity';
import { MandatesErrorCode, MandatesException } from './mandates.exception';

/** Mandates are never deleted or rewritten: granting inserts, ending only sets `validTo`. */
@Injectable()
export class MandatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async list(_actor: Actor, query: ListMandatesQueryDto): Promise<Page<MandateResponseDto>> {
    const qb = this.dataSource.getRepository(Mandate).createQueryBuilder('mandate');
    if (query.userId) qb.andWhere('mandate.userId = :userId', { userId: query.userId });
    if (query.unitId) qb.andWhere('mandate.unitId = :unitId', { unitId: query.unitId });
    if (query.clusterId) qb.andWhere('mandate.clusterId = :clusterId', { clusterId: query.clusterId });
    if (query.role) qb.andWhere('mandate.role = :role', { role: query.role });
    if (query.activeAt) {
      qb.andWhere('mandate.validFrom <= :activeAt AND (mandate.validTo IS NULL OR mandate.validTo > :activeAt)', {
        activeAt: new Date(query.activeAt),
      });
    }
    return findPage(qb, query, MANDATE_SORT, toMandateResponse);
  }

  async grant(actor: Actor, dto: GrantMandateDto): Promise<MandateResponseDto> {
    const scope: MandateScope = { role: dto.role, unitId: dto.unitId ?? null, clusterId: dto.clusterId ?? null };
    MandatePolicy.assertScopeFitsRole(scope);
    const validFrom = dto.validFrom ? new Date(dto.validFrom) : new Date();
    const validTo = dto.validTo ? new Date(dto.validTo) : null;
    if (validTo && validTo <= validFrom) {
      throw new MandatesException(MandatesErrorCode.PeriodInvalid, 'validTo must be later than validFrom.');
    }
    MandatePolicy.assertMayGrant(actor, scope, dto.userId);
    return this.dataSource.transaction((manager) =>
      this.grantIn(manager, actor, dto.userId, scope, validFrom, validTo),
    );
  }

  /**
   * Grants inside the caller's transaction (the route, the people import). The caller has checked
   * the policy; the database re-checks what it can (one head, no self-grant).
   */
  async grantIn(
    manager: EntityManager,
    actor: Actor,
    userId: string,
    scope: MandateScope,
    validFrom: Date,
    validTo: Date | null,
  ): Promise<MandateResponseDto> {
    // Locking the person serialises grants to them, so the overlap check below cannot race.
    const user = await lockAccount(manager, userId);
    if (!user) throw new UsersException(UsersErrorCode.UserNotFound, `There is no user with id ${userId}.`);
    if (scope.unitId && !(await unitExists(manager, scope.unitId))) throw RegistryException.unitNotFound(scope.unitId);
    if (scope.clusterId && !(await clusterRef(manager, scope.clusterId))) {
      throw RegistryException.clusterNotFound(scope.clusterId);
    }
    await this.assertNoOverlap(manager, userId, scope, validFrom, validTo);
    if (scope.role === 'head') await this.assertNoOtherHead(manager, scope.unitId!, validFrom, validTo);

    const mandate = await manager.save(
      manager.create(Mandate, {
        userId: user.id,
        role: scope.role,
        unitId: scope.unitId,
        clusterId: scope.clusterId,
        validFrom,
        validTo,
        grantedBy: actor.userId,
      }),
    );
    const response = toMandateResponse(mandate);
    await this.ledger.append(manager, {
      actorId: actor.userId,
      action: 'mandates.mandate_granted',
      subjectType: 'mandate',
      subjectId: mandate.id,
      payload: {
        userId: response.userId,
        role: response.role,
        unitId: response.unitId,
        clusterId: response.clusterId,
        validFrom: response.validFrom,
        validTo: response.validTo,
        grantedBy: actor.userId,
      },
    });
    return response;
  }

  /** Ends a mandate at `validTo` (now by default). It may bring a planned end forward, never push it back. */
  async end(actor: Actor, id: string, dto: EndMandateDto): Promise<MandateResponseDto> {
    const now = new Date();
    const validTo = dto.validTo ? new Date(dto.validTo) : now;
    return this.dataSource.transaction(async (manager) => {
      const mandate = await manager.findOne(Mandate, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!mandate)
        throw new MandatesException(MandatesErrorCode.MandateNotFound, `There is no mandate with id ${id}.`);
      MandatePolicy.assertMayEnd(actor, mandate);

      const previousValidTo = mandate.validTo;
      if (previousValidTo && previousValidTo <= now) {
        throw new MandatesException(
          MandatesErrorCode.AlreadyEnded,
          `This mandate ended at ${previousValidTo.toISOString()}.`,
          {
            validTo: previousValidTo.toISOString(),
          },
        );
      }
      if (validTo <= mandate.validFrom) {
        throw new MandatesException(
          MandatesErrorCode.PeriodInvalid,
          `validTo must be later than the start of the mandate (${mandate.validFrom.toISOString()}).`,
        );
      }
      if (previousValidTo && validTo > previousValidTo) {
        throw new MandatesException(
          MandatesErrorCode.PeriodInvalid,
          `The mandate already ends at ${previousValidTo.toISOString()}; ending it can only bring that forward.`,
        );
      }
      if (mandate.role === 'admin') await this.assertAnotherAdminRemains(manager, mandate.id);

      mandate.validTo = validTo;
      mandate.endedBy = actor.userId;
      await manager.update(Mandate, { id: mandate.id }, { validTo, endedBy: actor.userId });
      const response = toMandateResponse(mandate);
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'mandates.mandate_ended',
        subjectType: 'mandate',
        subjectId: mandate.id,
        payload: {
          userId: response.userId,
          role: response.role,
          unitId: response.unitId,
          clusterId: response.clusterId,
          validFrom: response.validFrom,
          validTo: response.validTo,
          previousValidTo: previousValidTo?.toISOString() ?? null,
          reason: dto.reason ?? null,
          grantedBy: mandate.grantedBy,
          endedBy: actor.userId,
        },
      });
      return response;
    });
  }

  /**
   * One head per unit at any instant. The unit's row lock serialises head grants for the unit;
   * `ex_mandates_one_head_per_unit` refuses a second head even when this is bypassed.
   */
  private async assertNoOtherHead(manager: EntityManager, unitId: string, from: Date, to: Date | null): Promise<void> {
    await lockUnit(manager, unitId);
    const rows = (await manager.query(
      `SELECT id, user_id FROM mandates
        WHERE role = 'head' AND unit_id = $1
          AND ($3::timestamptz IS NULL OR valid_from < $3)
          AND (valid_to IS NULL OR valid_to > $2)
        LIMIT 1`,
      [unitId, from, to],
    )) as { id: string; user_id: string }[];
    if (rows.length) {
      throw new MandatesException(
        MandatesErrorCode.HeadExists,
        'The unit already has a head during part of that period; end that head mandate first.',
        { mandateId: rows[0].id },
      );
    }
  }

  /** Same person, role and scope, with periods that share an instant (both half-open). */
  private async assertNoOverlap(
    manager: EntityManager,
    userId: string,
    scope: MandateScope,
    from: Date,
    to: Date | null,
  ): Promise<void> {
    const rows = (await manager.query(
      `SELECT id FROM mandates
        WHERE user_id = $1 AND role = $2
          AND unit_id IS NOT DISTINCT FROM $3 AND cluster_id IS NOT DISTINCT FROM $4
          AND ($6::timestamptz IS NULL OR valid_from < $6)
          AND (valid_to IS NULL OR valid_to > $5)
        LIMIT 1`,
      [userId, scope.role, scope.unitId ?? null, scope.clusterId ?? null, from, to],
    )) as { id: string }[];
    if (rows.length) {
      throw new MandatesException(
        MandatesErrorCode.MandateOverlaps,
        'This person already holds this role for this scope during part of that period; end that mandate first.',
        { mandateId: rows[0].id },
      );
    }
  }

  /** Somebody must always be able to grant mandates: keep at least one open-ended admin mandate in force. */
  private async assertAnotherAdminRemains(manager: EntityManager, endingId: string): Promise<void> {
    const rows = (await manager.query(
      `SELECT id FROM mandates
        WHERE role = 'admin' AND id <> $1 AND valid_from <= now() AND valid_to IS NULL
        ORDER BY id FOR UPDATE`,
      [endingId],
    )) as { id: string }[];
    if (rows.length === 0) {
      throw new MandatesException(
        MandatesErrorCode.LastAdminMandate,
        'Grant another administrator first, then end this mandate.',
      );
    }
  }
}
