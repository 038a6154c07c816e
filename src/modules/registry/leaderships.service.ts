import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import type { PageQueryDto } from '../../common/pagination/page-query.dto';
import { findPage, type Page, type SortSpec } from '../../common/pagination/pagination';
import { LedgerService } from '../ledger';
import { ClusterLeadership } from './cluster-leadership.entity';
import { Cluster } from './cluster.entity';
import { currentMembershipSql } from './current-membership';
import { toLeadershipResponse, type LeadershipResponseDto, type RecordLeadershipDto } from './dto/leaderships.dto';
import { leaderOf } from './leadership-facts';
import { RegistryErrorCode, RegistryException } from './registry.exception';
import { RegistryPolicy } from './registry.policy';
import { Unit } from './unit.entity';

/** `role` descending puts the leader before the deputy of the same term. */
const LEADERSHIP_SORT: SortSpec = {
  fields: { termYear: 'termYear', role: 'role', createdAt: 'createdAt' },
  default: '-termYear,-role,createdAt',
};

/**
 * The cluster's leader and deputy units by term (cụm trưởng, cụm phó). The secretariat records
 * terms decided outside the service; certified leader elections add `election` rows. Append-only.
 */
@Injectable()
export class LeadershipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  /** Every term recorded for the cluster, newest first (leader before deputy). */
  async list(_actor: Actor, clusterId: string, query: PageQueryDto): Promise<Page<LeadershipResponseDto>> {
    const manager = this.dataSource.manager;
    if (!(await manager.existsBy(Cluster, { id: clusterId }))) throw RegistryException.clusterNotFound(clusterId);
    const qb = manager
      .getRepository(ClusterLeadership)
      .createQueryBuilder('leadership')
      .leftJoinAndSelect('leadership.unit', 'unit')
      .where('leadership.clusterId = :clusterId', { clusterId });
    return findPage(qb, query, LEADERSHIP_SORT, toLeadershipResponse);
  }

  async record(actor: Actor, clusterId: string, dto: RecordLeadershipDto): Promise<LeadershipResponseDto> {
    RegistryPolicy.assertMayRecordLeadership(actor, clusterId);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Cluster, { id: clusterId }))) throw RegistryException.clusterNotFound(clusterId);
      const unit = await manager.findOneBy(Unit, { id: dto.unitId });
      if (!unit) throw RegistryException.unitNotFound(dto.unitId);
      const member = (await manager.query(
        `SELECT 1 FROM cluster_memberships m WHERE m.cluster_id = $1 AND m.unit_id = $2 AND ${currentMembershipSql('m')}`,
        [clusterId, unit.id],
      )) as unknown[];
      if (member.length === 0) {
        throw new RegistryException(
          RegistryErrorCode.LeadershipUnitNotMember,
          `${unit.name} is not a member of this cluster today; only a member unit leads it.`,
          { unitId: unit.id },
        );
      }
      // The unique index decides a race; this check gives the usual answer without one.
      if (await leaderOf(manager, clusterId, dto.termYear, dto.role)) throw RegistryException.leadershipExists();
      const leadership = await manager.save(
        manager.create(ClusterLeadership, {
          clusterId,
          unitId: unit.id,
          role: dto.role,
          termYear: dto.termYear,
          basis: 'recorded',
          pollId: null,
          note: dto.note ?? null,
          recordedBy: actor.userId,
        }),
      );
      leadership.unit = unit;
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'registry.leadership_recorded',
        subjectType: 'cluster_leadership',
        subjectId: leadership.id,
        payload: {
          clusterId,
          unitId: unit.id,
          role: leadership.role,
          termYear: leadership.termYear,
          basis: leadership.basis,
          note: leadership.note,
        },
      });
      return toLeadershipResponse(leadership);
    });
  }
}
