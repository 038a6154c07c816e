import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { containsPattern, findPage, type Page } from '../../common/pagination/pagination';
import { LedgerService } from '../ledger';
import { currentMembershipSql } from './current-membership';
import {
  toUnitResponse,
  UNIT_SORT,
  type CreateUnitDto,
  type ListUnitsQueryDto,
  type UnitResponseDto,
  type UpdateUnitDto,
} from './dto/units.dto';
import { RegistryErrorCode, RegistryException } from './registry.exception';
import { RegistryPolicy } from './registry.policy';
import { Unit } from './unit.entity';

const UPDATABLE = ['code', 'name', 'shortName', 'province', 'kind'] as const;

function ledgerPayload(unit: UnitResponseDto) {
  return { code: unit.code, name: unit.name, shortName: unit.shortName, province: unit.province, kind: unit.kind };
}

@Injectable()
export class UnitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async list(_actor: Actor, query: ListUnitsQueryDto): Promise<Page<UnitResponseDto>> {
    const qb = this.dataSource.getRepository(Unit).createQueryBuilder('unit');
    if (query.q) {
      const pattern = containsPattern(query.q);
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('unit.code ILIKE :pattern', { pattern })
            .orWhere('unit.name ILIKE :pattern', { pattern })
            .orWhere('unit.shortName ILIKE :pattern', { pattern }),
        ),
      );
    }
    if (query.kind) qb.andWhere('unit.kind = :kind', { kind: query.kind });
    if (query.clusterId) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM cluster_memberships m WHERE m.unit_id = unit.id AND m.cluster_id = :clusterId AND ${currentMembershipSql('m')})`,
        { clusterId: query.clusterId },
      );
    }
    return findPage(qb, query, UNIT_SORT, toUnitResponse);
  }

  async get(_actor: Actor, id: string): Promise<UnitResponseDto> {
    const unit = await this.dataSource.getRepository(Unit).findOneBy({ id });
    if (!unit) throw RegistryException.unitNotFound(id);
    return toUnitResponse(unit);
  }

  async create(actor: Actor, dto: CreateUnitDto): Promise<UnitResponseDto> {
    RegistryPolicy.assertMayCreateUnit(actor);
    return this.dataSource.transaction(async (manager) => {
      await this.assertCodeFree(manager, dto.code);
      const unit = await manager.save(
        manager.create(Unit, {
          code: dto.code,
          name: dto.name,
          shortName: dto.shortName ?? null,
          province: dto.province ?? null,
          kind: dto.kind ?? 'provincial_alliance',
        }),
      );
      const response = toUnitResponse(unit);
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'registry.unit_created',
        subjectType: 'unit',
        subjectId: unit.id,
        payload: ledgerPayload(response),
      });
      return response;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateUnitDto): Promise<UnitResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      // Checked before the unit is read, so a refusal says nothing about whether it exists.
      RegistryPolicy.assertMayUpdateUnit(actor, id);
      const unit = await manager.findOne(Unit, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw RegistryException.unitNotFound(id);
      const changed = UPDATABLE.filter((field) => dto[field] !== undefined && dto[field] !== unit[field]);
      if (changed.length === 0) return toUnitResponse(unit);
      RegistryPolicy.assertMayChangeUnitFields(actor, changed);
      if (dto.code !== undefined && changed.includes('code')) await this.assertCodeFree(manager, dto.code);
      Object.assign(unit, Object.fromEntries(changed.map((field) => [field, dto[field]])));
      await manager.save(unit);
      const response = toUnitResponse(unit);
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'registry.unit_updated',
        subjectType: 'unit',
        subjectId: id,
        payload: { changed, ...ledgerPayload(response) },
      });
      return response;
    });
  }

  private async assertCodeFree(manager: EntityManager, code: string): Promise<void> {
    if (await manager.existsBy(Unit, { code })) {
      throw new RegistryException(RegistryErrorCode.UnitCodeTaken, `Another unit already has the code ${code}.`, {
        unitCode: code,
      });
    }
  }
}
