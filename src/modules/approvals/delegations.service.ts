import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isAdmin, secretariatClusterIds, type Actor } from '../../common/access/actor';
import { findPage, type Page } from '../../common/pagination/pagination';
import { LedgerService } from '../ledger';
import { mandateInUnitNow } from '../mandates';
import { currentMembersOfClusters } from '../registry';
import { ApprovalDelegation } from './approval-delegation.entity';
import { ApprovalsErrorCode, ApprovalsException } from './approvals.exception';
import { DelegationPolicy } from './delegation.policy';
import {
  DELEGATION_SORT,
  toDelegationResponse,
  type DelegationResponseDto,
  type GrantDelegationDto,
  type ListDelegationsQueryDto,
  type RevokeDelegationDto,
} from './dto/delegations.dto';

/** A head's delegation of the unit's approvals to another person of the unit, for a window. */
@Injectable()
export class DelegationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  /**
   * Administrators see every delegation; others see those they granted or received, those of the
   * units they hold a mandate in, and those of the member units of a cluster they serve.
   */
  async list(actor: Actor, query: ListDelegationsQueryDto): Promise<Page<DelegationResponseDto>> {
    const qb = this.dataSource.getRepository(ApprovalDelegation).createQueryBuilder('delegation');
    if (!isAdmin(actor)) {
      const members = await currentMembersOfClusters(this.dataSource.manager, secretariatClusterIds(actor));
      const unitIds = [
        ...actor.mandates.filter((m) => m.unitId).map((m) => m.unitId!),
        ...[...members.values()].flatMap((units) => [...units]),
      ];
      qb.where(
        `(delegation.delegatorId = :me OR delegation.delegateId = :me OR delegation.unitId = ANY(:unitIds::uuid[]))`,
        { me: actor.userId, unitIds },
      );
    }
    if (query.unitId) qb.andWhere('delegation.unitId = :unitId', { unitId: query.unitId });
    if (query.active !== undefined) {
      const active = 'delegation.revokedAt IS NULL AND delegation.validFrom <= now() AND delegation.validTo > now()';
      qb.andWhere(query.active ? `(${active})` : `NOT (${active})`);
    }
    const now = new Date();
    return findPage(qb, query, DELEGATION_SORT, (d) => toDelegationResponse(d, now));
  }

  async grant(actor: Actor, dto: GrantDelegationDto): Promise<DelegationResponseDto> {
    const headMandateId = DelegationPolicy.assertMayGrant(actor, dto.unitId);
    if (dto.delegateId === actor.userId) {
      throw new ApprovalsException(ApprovalsErrorCode.DelegateIsSelf, 'Delegate to another person of the unit.');
    }
    const now = new Date();
    const validFrom = dto.validFrom ? new Date(dto.validFrom) : now;
    const validTo = new Date(dto.validTo);
    if (validTo <= validFrom || validTo <= now) {
      throw new ApprovalsException(
        ApprovalsErrorCode.DelegationPeriodInvalid,
        'validTo must be later than validFrom and than now.',
        { validFrom: validFrom.toISOString(), validTo: validTo.toISOString() },
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const inUnit = await mandateInUnitNow(manager, dto.delegateId, dto.unitId);
      if (!inUnit) {
        throw new ApprovalsException(
          ApprovalsErrorCode.DelegateNotInUnit,
          'The delegate must hold a mandate (officer, head or delegate) of the same unit today.',
          { delegateId: dto.delegateId, unitId: dto.unitId },
        );
      }
      const delegation = await manager.save(
        manager.create(ApprovalDelegation, {
          unitId: dto.unitId,
          delegatorId: actor.userId,
          delegateId: dto.delegateId,
          validFrom,
          validTo,
          reason: dto.reason ?? null,
          revokedAt: null,
        }),
      );
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'approvals.delegation_granted',
        subjectType: 'approval_delegation',
        subjectId: delegation.id,
        payload: {
          unitId: delegation.unitId,
          delegatorId: delegation.delegatorId,
          delegateId: delegation.delegateId,
          headMandateId,
          delegateMandateId: inUnit,
          validFrom: validFrom.toISOString(),
          validTo: validTo.toISOString(),
          reason: delegation.reason,
        },
      });
      return toDelegationResponse(delegation, now);
    });
  }

  async revoke(actor: Actor, id: string, dto: RevokeDelegationDto): Promise<DelegationResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const delegation = await manager.findOne(ApprovalDelegation, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!delegation) {
        throw new ApprovalsException(ApprovalsErrorCode.DelegationNotFound, `There is no delegation with id ${id}.`);
      }
      DelegationPolicy.assertMayRevoke(actor, delegation);
      const now = new Date();
      if (delegation.revokedAt || delegation.validTo <= now) {
        throw new ApprovalsException(
          ApprovalsErrorCode.DelegationAlreadyEnded,
          delegation.revokedAt
            ? `This delegation was revoked at ${delegation.revokedAt.toISOString()}.`
            : `This delegation expired at ${delegation.validTo.toISOString()}.`,
        );
      }
      delegation.revokedAt = now;
      await manager.update(ApprovalDelegation, { id: delegation.id }, { revokedAt: now });
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'approvals.delegation_revoked',
        subjectType: 'approval_delegation',
        subjectId: delegation.id,
        payload: {
          unitId: delegation.unitId,
          delegatorId: delegation.delegatorId,
          delegateId: delegation.delegateId,
          revokedAt: now.toISOString(),
          reason: dto.reason ?? null,
        },
      });
      return toDelegationResponse(delegation, now);
    });
  }
}
