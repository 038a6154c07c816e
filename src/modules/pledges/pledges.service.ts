import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import type { PageQueryDto } from '../../common/pagination/page-query.dto';
import { findPage, type Page, type SortSpec } from '../../common/pagination/pagination';
import { assertVersion, type IfMatch } from '../../common/versioning/version-precondition';
import { ApprovalsService } from '../approvals';
import { sha256Hex, LedgerService } from '../ledger';
import type { AmendPledgeDto, CreatePledgeDto, PledgeResponseDto, UpdatePledgeDto } from './dto/pledges.dto';
import { PledgeTarget } from './pledge-target.entity';
import { Pledge } from './pledge.entity';
import { PledgePolicy } from './pledge.policy';
import { assertCycleOpen, cycleOrThrow, type CycleFacts, type CyclePhase, lockOpenCycle } from '../cycles';
import { currentMemberUnits } from '../registry';
import {
  assertCurrentVersion,
  PLEDGE_WORK_OF_THE_CYCLE,
  assertNotSealed,
  currentPledgeOf,
  findPledge,
} from './pledge-scope';
import { describePledge } from './pledge-views';
import { PLEDGE_SUBJECT_TYPE, PLEDGE_TARGETS_WORKFLOW_KEY } from './pledge.workflows';
import { PledgesErrorCode, PledgesException } from './pledges.exception';
import { UnitPledge } from './unit-pledge.entity';

const PLEDGE_SORT: SortSpec = { fields: { number: 'number', createdAt: 'createdAt' }, default: '-number' };

/** Phases in which the first version of a cycle's pledge may be created. */
const CREATION_PHASES: readonly CyclePhase[] = ['rules_adoption', 'pledge_signing'];

/**
 * The pledge of a cycle, version by version: the secretariat's shared text, one unit's part per
 * current member unit (each with its targets' approval request), amendments as new versions.
 */
@Injectable()
export class PledgesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly approvals: ApprovalsService,
  ) {}

  async create(actor: Actor, cycleId: string, dto: CreatePledgeDto): Promise<PledgeResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const cycle = await cycleOrThrow(manager, cycleId, 'share');
      PledgePolicy.assertMayManage(actor, cycle.clusterId);
      if (!CREATION_PHASES.includes(cycle.phase)) {
        throw new PledgesException(
          PledgesErrorCode.CyclePhase,
          `The ${cycle.year} cycle is at ${cycle.phase}; its pledge is created during rules_adoption or pledge_signing.`,
          { phase: cycle.phase },
        );
      }
      if (!cycle.rulesVersionId) {
        throw new PledgesException(
          PledgesErrorCode.RulesNotPinned,
          'Pin the adopted reward rules to the cycle first (PUT /cycles/{id}/rules-version): the pledge is made under them.',
        );
      }
      if (await currentPledgeOf(manager, cycle.id)) throw PledgesException.pledgeExists();
      const pledge = await this.openVersion(manager, actor, cycle, dto.sharedText, null, null);
      return describePledge(manager, pledge, pledge.id);
    });
  }

  /** The shared text of the current version, while no unit has signed it. */
  async update(actor: Actor, id: string, dto: UpdatePledgeDto, ifMatch?: IfMatch): Promise<PledgeResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const pledge = await findPledge(manager, id, 'update');
      PledgePolicy.assertMayManage(actor, pledge.clusterId);
      await assertCurrentVersion(manager, pledge);
      assertNotSealed(pledge);
      assertCycleOpen(await cycleOrThrow(manager, pledge.cycleId), PLEDGE_WORK_OF_THE_CYCLE);
      const signed = await manager.countBy(UnitPledge, { pledgeId: pledge.id, status: 'signed' });
      if (signed > 0) {
        throw new PledgesException(
          PledgesErrorCode.PledgeHasSignatures,
          `${signed} unit(s) signed version ${pledge.number} as it stands; amend it (POST /pledges/{id}/amendments) instead.`,
          { signedUnits: signed },
        );
      }
      assertVersion('pledge', pledge.version, { expectedVersion: dto.expectedVersion, ifMatch });
      if (dto.sharedText !== pledge.sharedText) {
        pledge.sharedText = dto.sharedText;
        await manager.save(pledge);
        await this.ledger.append(manager, {
          actorId: actor.userId,
          action: 'pledges.pledge_updated',
          subjectType: PLEDGE_SUBJECT_TYPE,
          subjectId: pledge.id,
          payload: { version: pledge.number, sharedText: pledge.sharedText, sharedTextDigest: textDigest(pledge) },
        });
      }
      return describePledge(manager, pledge, pledge.id);
    });
  }

  /**
   * Version N+1 of a signed or sealed pledge: the new shared text, each member unit's targets
   * copied into a new draft to be approved and signed again. Version N stays as it was.
   */
  async amend(actor: Actor, id: string, dto: AmendPledgeDto): Promise<PledgeResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const previous = await findPledge(manager, id, 'update');
      PledgePolicy.assertMayManage(actor, previous.clusterId);
      await assertCurrentVersion(manager, previous);
      const cycle = await lockOpenCycle(manager, previous.cycleId, PLEDGE_WORK_OF_THE_CYCLE, 'share');
      const signed = await manager.countBy(UnitPledge, { pledgeId: previous.id, status: 'signed' });
      if (previous.status !== 'sealed' && signed === 0) {
        throw new PledgesException(
          PledgesErrorCode.AmendmentNotNeeded,
          `Nobody has signed version ${previous.number} yet: change its text (PUT /pledges/{id}) or the units' targets.`,
        );
      }
      const pledge = await this.openVersion(manager, actor, cycle, dto.sharedText, previous, dto.reason);
      return describePledge(manager, pledge, pledge.id);
    });
  }

  async get(_actor: Actor, id: string): Promise<PledgeResponseDto> {
    const manager = this.dataSource.manager;
    return describePledge(manager, await findPledge(manager, id));
  }

  /** Every version of the cycle's pledge, newest (current) first. */
  async list(_actor: Actor, cycleId: string, query: PageQueryDto): Promise<Page<PledgeResponseDto>> {
    const manager = this.dataSource.manager;
    await cycleOrThrow(manager, cycleId);
    const newest = await manager.findOne(Pledge, { where: { cycleId }, order: { number: 'DESC' } });
    const qb = manager
      .getRepository(Pledge)
      .createQueryBuilder('pledge')
      .where('pledge.cycleId = :cycleId', { cycleId });
    return findPage(qb, query, PLEDGE_SORT, (pledge) => describePledge(manager, pledge, newest?.id));
  }

  private async openVersion(
    manager: EntityManager,
    actor: Actor,
    cycle: CycleFacts,
    sharedText: string,
    previous: Pledge | null,
    reason: string | null,
  ): Promise<Pledge> {
    const pledge = await manager.save(
      manager.create(Pledge, {
        cycleId: cycle.id,
        clusterId: cycle.clusterId,
        number: (previous?.number ?? 0) + 1,
        sharedText,
        rulesVersionId: cycle.rulesVersionId!,
        status: 'open',
        amendmentReason: reason,
        createdBy: actor.userId,
        sealDocumentId: null,
        sealedAt: null,
      }),
    );
    const units: { unitId: string; unitPledgeId: string; approvalRequestId: string; targetsCopied: number }[] = [];
    for (const unit of await currentMemberUnits(manager, cycle.clusterId)) {
      const unitPledge = await manager.save(
        manager.create(UnitPledge, {
          pledgeId: pledge.id,
          unitId: unit.unitId,
          status: 'draft',
          draftedBy: actor.userId,
        }),
      );
      const targetsCopied = previous ? await this.copyTargets(manager, previous.id, unitPledge) : 0;
      const request = await this.approvals.open(manager, {
        workflowKey: PLEDGE_TARGETS_WORKFLOW_KEY,
        subjectId: unitPledge.id,
        clusterId: cycle.clusterId,
        unitId: unit.unitId,
        draftedBy: actor.userId,
      });
      units.push({ unitId: unit.unitId, unitPledgeId: unitPledge.id, approvalRequestId: request.id, targetsCopied });
    }
    await this.ledger.append(manager, {
      actorId: actor.userId,
      action: previous ? 'pledges.pledge_amended' : 'pledges.pledge_created',
      subjectType: PLEDGE_SUBJECT_TYPE,
      subjectId: pledge.id,
      payload: {
        cycleId: cycle.id,
        version: pledge.number,
        rulesVersionId: pledge.rulesVersionId,
        sharedText,
        sharedTextDigest: textDigest(pledge),
        amendsPledgeId: previous?.id ?? null,
        reason,
        units,
      },
    });
    return pledge;
  }

  /** The unit's targets of the previous version, copied into its new draft. */
  private async copyTargets(manager: EntityManager, previousPledgeId: string, unitPledge: UnitPledge): Promise<number> {
    const before = await manager.findOneBy(UnitPledge, { pledgeId: previousPledgeId, unitId: unitPledge.unitId });
    if (!before) return 0;
    const targets = await manager.find(PledgeTarget, {
      where: { unitPledgeId: before.id },
      order: { position: 'ASC' },
    });
    if (targets.length === 0) return 0;
    await manager.insert(
      PledgeTarget,
      targets.map(({ position, indicator, unitOfMeasure, targetValue, baseline }) => ({
        unitPledgeId: unitPledge.id,
        position,
        indicator,
        unitOfMeasure,
        targetValue,
        baseline,
      })),
    );
    return targets.length;
  }
}

function textDigest(pledge: Pledge): string {
  return sha256Hex(Buffer.from(pledge.sharedText, 'utf8'));
}
