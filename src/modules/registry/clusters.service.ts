import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { containsPattern, findPage, type Page } from '../../common/pagination/pagination';
import { LedgerService } from '../ledger';
import { Cluster } from './cluster.entity';
import {
  CLUSTER_SORT,
  toClusterResponse,
  type ClusterResponseDto,
  type CreateClusterDto,
  type ListClustersQueryDto,
  type UpdateClusterDto,
} from './dto/clusters.dto';
import { RegistryErrorCode, RegistryException } from './registry.exception';
import { RegistryPolicy } from './registry.policy';
import { Unit } from './unit.entity';

const UPDATABLE = ['code', 'name', 'description', 'parentUnitId'] as const;

function ledgerPayload(cluster: ClusterResponseDto) {
  return {
    code: cluster.code,
    name: cluster.name,
    description: cluster.description,
    parentUnitId: cluster.parentUnitId,
  };
}

@Injectable()
export class ClustersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async list(_actor: Actor, query: ListClustersQueryDto): Promise<Page<ClusterResponseDto>> {
    const qb = this.dataSource.getRepository(Cluster).createQueryBuilder('cluster');
    if (query.q) {
      const pattern = containsPattern(query.q);
      qb.andWhere(
        new Brackets((w) =>
          w.where('cluster.code ILIKE :pattern', { pattern }).orWhere('cluster.name ILIKE :pattern', { pattern }),
        ),
      );
    }
    return findPage(qb, query, CLUSTER_SORT, toClusterResponse);
  }

  async get(_actor: Actor, id: string): Promise<ClusterResponseDto> {
    const cluster = await this.dataSource.getRepository(Cluster).findOneBy({ id });
    if (!cluster) throw RegistryException.clusterNotFound(id);
    return toClusterResponse(cluster);
  }

  async create(actor: Actor, dto: CreateClusterDto): Promise<ClusterResponseDto> {
    RegistryPolicy.assertMayCreateCluster(actor);
    return this.dataSource.transaction(async (manager) => {
      await this.assertCodeFree(manager, dto.code);
      if (dto.parentUnitId) await this.assertUnitExists(manager, dto.parentUnitId);
      const cluster = await manager.save(
        manager.create(Cluster, {
          code: dto.code,
          name: dto.name,
          description: dto.description ?? null,
          parentUnitId: dto.parentUnitId ?? null,
        }),
      );
      const response = toClusterResponse(cluster);
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'registry.cluster_created',
        subjectType: 'cluster',
        subjectId: cluster.id,
        payload: ledgerPayload(response),
      });
      return response;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateClusterDto): Promise<ClusterResponseDto> {
    RegistryPolicy.assertMayUpdateCluster(actor, id, false);
    return this.dataSource.transaction(async (manager) => {
      const cluster = await manager.findOne(Cluster, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!cluster) throw RegistryException.clusterNotFound(id);
      const changed = UPDATABLE.filter((field) => dto[field] !== undefined && dto[field] !== cluster[field]);
      if (changed.length === 0) return toClusterResponse(cluster);
      RegistryPolicy.assertMayUpdateCluster(actor, id, changed.includes('parentUnitId'));
      if (dto.code !== undefined && changed.includes('code')) await this.assertCodeFree(manager, dto.code);
      if (dto.parentUnitId && changed.includes('parentUnitId')) await this.assertUnitExists(manager, dto.parentUnitId);
      Object.assign(cluster, Object.fromEntries(changed.map((field) => [field, dto[field]])));
      await manager.save(cluster);
      const response = toClusterResponse(cluster);
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'registry.cluster_updated',
        subjectType: 'cluster',
        subjectId: id,
        payload: { changed, ...ledgerPayload(response) },
      });
      return response;
    });
  }

  private async assertCodeFree(manager: EntityManager, code: string): Promise<void> {
    if (await manager.existsBy(Cluster, { code })) {
      throw new RegistryException(RegistryErrorCode.ClusterCodeTaken, `Another cluster already has the code ${code}.`, {
        clusterCode: code,
      });
    }
  }

  private async assertUnitExists(manager: EntityManager, unitId: string): Promise<void> {
    if (!(await manager.existsBy(Unit, { id: unitId }))) throw RegistryException.unitNotFound(unitId);
  }
}
