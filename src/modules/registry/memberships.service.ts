import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThanOrEqual, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { findPage, type Page } from '../../common/pagination/pagination';
import { LedgerService } from '../ledger';
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

  /** An administrator admits a unit directly; everyone else goes through an invitation its head accepts. */
  async start(actor: Actor, clusterId: string, dto: StartMembershipDto): Promise<MembershipResponseDto> {
    RegistryPolicy.assertMayAdmitDirectly(actor);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Cluster, { id: clusterId }))) throw RegistryException.clusterNotFound(clusterId);
      return toMembershipResponse(await this.admit(manager, actor, clusterId, dto.unitId, dto.joinedOn, null));
    });
  }

  /**
   * Admits a unit to the cluster from `joinedOn`, in the caller's transaction: refused while an
   * earlier membership of this cluster still runs, or while the unit is in another cluster under
   * the same parent body (`ex_cluster_memberships_one_cluster_per_parent` refuses it even when
   * this check is bypassed or raced).
   */
  async admit(
    manager: EntityManager,
    actor: Actor,
    clusterId: string,
    unitId: string,
    joinedOn: string,
    invitationId: string | null,
  ): Promise<ClusterMembership> {
    // The unit's row lock serialises concurrent admissions of the same unit.
    const unit = await manager.findOne(Unit, { where: { id: unitId }, lock: { mode: 'pessimistic_write' } });
    if (!unit) throw RegistryException.unitNotFound(unitId);

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
      leftOn: MoreThanOrEqual(joinedOn),
    });
    if (overlapping) {
      throw new RegistryException(
        RegistryErrorCode.MembershipPeriodOverlaps,
        `${unit.name} was a member until ${overlapping.leftOn}; the new membership must start after that day.`,
        { membershipId: overlapping.id },
      );
    }
    const [elsewhere] = (await manager.query(
      `SELECT m.id, m.cluster_id FROM cluster_memberships m
         JOIN clusters c ON c.id = $1
        WHERE m.unit_id = $2 AND m.cluster_id <> $1
          AND m.parent_unit_id IS NOT DISTINCT FROM c.parent_unit_id
          AND (m.left_on IS NULL OR m.left_on >= $3::date)
        LIMIT 1`,
      [clusterId, unit.id, joinedOn],
    )) as { id: string; cluster_id: string }[];
    if (elsewhere) {
      throw new RegistryException(
        RegistryErrorCode.UnitInOtherCluster,
        `${unit.name} is a member of another cluster under the same parent body from ${joinedOn} on; it must leave that cluster first.`,
        { membershipId: elsewhere.id, clusterId: elsewhere.cluster_id },
      );
    }

    const membership = await manager.save(
      manager.create(ClusterMembership, { clusterId, unitId: unit.id, joinedOn, leftOn: null }),
    );
    membership.unit = unit;
    await this.ledger.append(manager, {
      actorId: actor.userId,
      action: 'registry.membership_started',
      subjectType: 'cluster_membership',
      subjectId: membership.id,
      payload: { clusterId, unitId: unit.id, joinedOn: membership.joinedOn, invitationId, admittedBy: actor.userId },
    });
    return membership;
  }

  /** Closes a membership on `leftOn`, the last day the unit is a member. A membership ends once. */
  async end(
    actor: Actor,
    clusterId: string,
    membershipId: string,
    dto: EndMembershipDto,
  ): Promise<MembershipResponseDto> {
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
      RegistryPolicy.assertMayEndMembership(actor, membership.unitId);
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
        payload: {
          clusterId,
          unitId: membership.unitId,
          joinedOn: membership.joinedOn,
          leftOn: dto.leftOn,
          endedBy: actor.userId,
        },
      });
      return toMembershipResponse(membership);
    });
  }
}
