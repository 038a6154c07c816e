import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThanOrEqual } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { findPage, type Page } from '../../common/pagination/pagination';
import { LedgerService } from '../ledger/ledger.service';
import { ClusterMembership } from './cluster-membership.entity';
import { Cluster } from './cluster.entity';
import { currentMembershipSql } from './current-membership';
import {
  MEMBERSHIP_SORT,
  toMembershipResponse,
  type EndMembershipDto,
  type ListMembershipsQueryDto,
  type MembershipResponseDto,
  type StartMembershipDto,
} from './dto/memberships.dto';
import { RegistryErrorCode, RegistryException } from './registry.exception';
import { RegistryPolicy } from './registry.policy';
import { Unit } from './unit.entity';

@Injectable()
export class MembershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async list(_actor: Actor, clusterId: string, query: ListMembershipsQueryDto): Promise<Page<MembershipResponseDto>> {
    if (!(await this.dataSource.getRepository(Cluster).existsBy({ id: clusterId })))
      throw RegistryException.clusterNotFound(clusterId);
    const qb = this.dataSource
      .getRepository(ClusterMembership)
      .createQueryBuilder('membership')
      .innerJoinAndSelect('membership.unit', 'unit')
      .where('membership.clusterId = :clusterId', { clusterId });
    if (query.current !== undefined) {
      qb.andWhere(query.current ? currentMembershipSql('membership') : `NOT (${currentMembershipSql('membership')})`);
    }
    return findPage(qb, query, MEMBERSHIP_SORT, toMembershipResponse);
  }

  /** Admits a unit to the cluster from `joinedOn`; refused while an earlier membership still runs. */
  async start(actor: Actor, clusterId: string, dto: StartMembershipDto): Promise<MembershipResponseDto> {
    RegistryPolicy.assertMayChangeMembers(actor, clusterId);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Cluster, { id: clusterId }))) throw RegistryException.clusterNotFound(clusterId);
      // The unit's row lock serialises concurrent admissions of the same unit.
      const unit = await manager.findOne(Unit, { where: { id: dto.unitId }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw RegistryException.unitNotFound(dto.unitId);

      const open = await manager.findOneBy(ClusterMembership, { clusterId, unitId: unit.id, leftOn: IsNull() });
      if (open) {
        throw new RegistryException(
          RegistryErrorCode.MembershipAlreadyOpen,
          `${unit.name} has been a member since ${open.joinedOn}; end that membership first.`,
          { membershipId: open.id },
        );
      }
      // Periods include both ends, so a new one may start only after every earlier one has ended.
      const overlapping = await manager.findOneBy(ClusterMembership, {
        clusterId,
        unitId: unit.id,
        leftOn: MoreThanOrEqual(dto.joinedOn),
      });
      if (overlapping) {
        throw new RegistryException(
          RegistryErrorCode.MembershipPeriodOverlaps,
          `${unit.name} was a member until ${overlapping.leftOn}; the new membership must start after that day.`,
          { membershipId: overlapping.id },
        );
      }

      const membership = await manager.save(
        manager.create(ClusterMembership, { clusterId, unitId: unit.id, joinedOn: dto.joinedOn, leftOn: null }),
      );
      membership.unit = unit;
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'registry.membership_started',
        subjectType: 'cluster_membership',
        subjectId: membership.id,
        payload: { clusterId, unitId: unit.id, joinedOn: membership.joinedOn },
      });
      return toMembershipResponse(membership);
    });
  }

  /** Closes a membership on `leftOn`, the last day the unit is a member. A membership ends once. */
  async end(
    actor: Actor,
    clusterId: string,
    membershipId: string,
    dto: EndMembershipDto,
  ): Promise<MembershipResponseDto> {
    RegistryPolicy.assertMayChangeMembers(actor, clusterId);
    return this.dataSource.transaction(async (manager) => {
      const membership = await manager.findOne(ClusterMembership, {
        where: { id: membershipId, clusterId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!membership) {
        throw new RegistryException(
          RegistryErrorCode.MembershipNotFound,
          `Cluster ${clusterId} has no membership ${membershipId}.`,
        );
      }
      if (membership.leftOn !== null) {
        throw new RegistryException(
          RegistryErrorCode.MembershipAlreadyEnded,
          `This membership already ended on ${membership.leftOn}.`,
          {
            leftOn: membership.leftOn,
          },
        );
      }
      // 'YYYY-MM-DD' strings compare in calendar order.
      if (dto.leftOn < membership.joinedOn) {
        throw new RegistryException(
          RegistryErrorCode.MembershipEndsBeforeStart,
          `leftOn (${dto.leftOn}) is before the day the unit joined (${membership.joinedOn}).`,
          { joinedOn: membership.joinedOn },
        );
      }
      membership.leftOn = dto.leftOn;
      await manager.update(ClusterMembership, { id: membership.id }, { leftOn: dto.leftOn });
      membership.unit = await manager.findOneByOrFail(Unit, { id: membership.unitId });
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'registry.membership_ended',
        subjectType: 'cluster_membership',
        subjectId: membership.id,
        payload: { clusterId, unitId: membership.unitId, joinedOn: membership.joinedOn, leftOn: dto.leftOn },
      });
      return toMembershipResponse(membership);
    });
  }
}
