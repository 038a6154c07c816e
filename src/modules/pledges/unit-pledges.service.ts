import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { assertVersion, type IfMatch } from '../../common/versioning/version-precondition';
import { ApprovalsService, WorkflowRegistry } from '../approvals';
import { LedgerService } from '../ledger';
import {
  DocumentSigner,
  signingTime,
  unitHeadCapacity,
  SignaturesErrorCode,
  SignaturesException,
  type SignDocumentDto,
  signableDocument,
} from '../signatures';
import type { UnitPledgeSignableDocumentDto } from './dto/pledge-documents.dto';
import { toTargetDto, type SetTargetsDto, type UnitPledgeResponseDto } from './dto/unit-pledges.dto';
import { targetsOf, unitPledgeDocument } from './pledge-documents';
import { PledgeTarget } from './pledge-target.entity';
import type { Pledge } from './pledge.entity';
import { PledgePolicy } from './pledge.policy';
import { assertCycleOpen, cycleOrThrow } from '../cycles';
import {
  assertCurrentVersion,
  PLEDGE_WORK_OF_THE_CYCLE,
  assertNotSealed,
  findPledge,
  findUnitPledge,
  storedDocument,
} from './pledge-scope';
import { describeUnitPledge } from './pledge-views';
import {
  PLEDGE_TARGETS_WORKFLOW,
  type StateEnteredRequest,
  type StateEnteringAct,
  UNIT_PLEDGE_SUBJECT_TYPE,
} from './pledge.workflows';
import { PledgesErrorCode, PledgesException } from './pledges.exception';
import { UnitPledge, type UnitPledgeStatus } from './unit-pledge.entity';

/**
 * A unit's part of the pledge: its targets (drafted by its officer, approved by its head through
 * the `pledge_targets` workflow, whose state `status` mirrors), the document its head signs, and
 * the signature itself.
 */
@Injectable()
export class UnitPledgesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly approvals: ApprovalsService,
    private readonly workflows: WorkflowRegistry,
    private readonly signer: DocumentSigner,
  ) {}

  onModuleInit(): void {
    this.workflows.register({
      ...PLEDGE_TARGETS_WORKFLOW,
      onStateEntered: (manager, request, act) => this.onStateEntered(manager, request, act),
    });
  }

  async get(actor: Actor, id: string): Promise<UnitPledgeResponseDto> {
    const manager = this.dataSource.manager;
    const unitPledge = await findUnitPledge(manager, id);
    const pledge = await findPledge(manager, unitPledge.pledgeId);
    assertMaySee(actor, unitPledge, pledge);
    return describeUnitPledge(manager, this.approvals, unitPledge, pledge);
  }

  /** Replaces the whole list of targets, while the unit's pledge is a draft of the current version. */
  async setTargets(actor: Actor, id: string, dto: SetTargetsDto, ifMatch?: IfMatch): Promise<UnitPledgeResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const unitPledge = await findUnitPledge(manager, id, 'update');
      PledgePolicy.assertMayDraft(actor, unitPledge.unitId);
      const pledge = await this.workablePledge(manager, unitPledge);
      if (unitPledge.status !== 'draft') {
        throw new PledgesException(
          PledgesErrorCode.TargetsNotDraft,
          unitPledge.status === 'signed'
            ? 'The unit has signed these targets; a change needs an amendment of the pledge (a new version).'
            : `The targets are ${unitPledge.status}; the head may return them to you for changes.`,
          { status: unitPledge.status },
        );
      }
      assertVersion('unit_pledge', unitPledge.version, { expectedVersion: dto.expectedVersion, ifMatch });
      await manager.delete(PledgeTarget, { unitPledgeId: unitPledge.id });
      await manager.insert(
        PledgeTarget,
        dto.targets.map((target, index) => ({
          unitPledgeId: unitPledge.id,
          position: index + 1,
          indicator: target.indicator,
          unitOfMeasure: target.unitOfMeasure,
          targetValue: target.targetValue,
          baseline: target.baseline ?? null,
        })),
      );
      // The targets are rows of their own: the unit pledge's version moves with them.
      await manager.update(UnitPledge, { id: unitPledge.id }, { version: unitPledge.version + 1 });
      Object.assign(unitPledge, await manager.findOneByOrFail(UnitPledge, { id: unitPledge.id }));
      const targets = await targetsOf(manager, unitPledge.id);
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'pledges.targets_set',
        subjectType: UNIT_PLEDGE_SUBJECT_TYPE,
        subjectId: unitPledge.id,
        payload: {
          pledgeId: pledge.id,
          version: pledge.number,
          unitId: unitPledge.unitId,
          targets: targets.map(toTargetDto),
        },
      });
      return describeUnitPledge(manager, this.approvals, unitPledge, pledge);
    });
  }

  /** The canonical bytes the head signs: built now when approved, as stored once signed. */
  async document(actor: Actor, id: string): Promise<UnitPledgeSignableDocumentDto> {
    const manager = this.dataSource.manager;
    const unitPledge = await findUnitPledge(manager, id);
    const pledge = await findPledge(manager, unitPledge.pledgeId);
    assertMaySee(actor, unitPledge, pledge);
    if (unitPledge.signedDocumentId) {
      const stored = await storedDocument(manager, unitPledge.signedDocumentId);
      return signableDocument(manager, 'unit_pledge', unitPledge.id, { stored });
    }
    assertApproved(unitPledge);
    const content = await unitPledgeDocument(manager, pledge, unitPledge);
    return signableDocument(manager, 'unit_pledge', unitPledge.id, { content });
  }

  /**
   * The head's signature over the document as it is NOW (refused if its digest is not the one
   * signed), checked against the head's key and head mandate at this instant, in one transaction.
   */
  async sign(actor: Actor, id: string, dto: SignDocumentDto): Promise<UnitPledgeResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const unitPledge = await findUnitPledge(manager, id, 'update');
      if (unitPledge.status === 'signed') {
        throw new PledgesException(
          PledgesErrorCode.AlreadySigned,
          "The unit's pledge is signed once; the signature stands (an amendment is signed as a new version).",
          { signedDocumentId: unitPledge.signedDocumentId },
        );
      }
      const pledge = await this.workablePledge(manager, unitPledge);
      assertApproved(unitPledge);
      const signedAt = await signingTime(manager);
      const capacity = await unitHeadCapacity(manager, actor.userId, unitPledge.unitId, signedAt);
      if (!capacity) {
        throw new SignaturesException(
          SignaturesErrorCode.CapacityMissing,
          "Only the unit's head (or a person the head delegated approvals to) signs the unit's pledge.",
          { unitId: unitPledge.unitId, requiredCapacity: 'unit_head' },
        );
      }
      const { document } = await this.signer.sign(manager, {
        signerId: actor.userId,
        kind: 'unit_pledge',
        subjectId: unitPledge.id,
        content: await unitPledgeDocument(manager, pledge, unitPledge),
        expectedDigest: dto.digest,
        signingKeyId: dto.signingKeyId,
        signature: dto.signature,
        capacity,
        signedAt,
        ledger: {
          action: 'pledges.unit_signed',
          subjectType: UNIT_PLEDGE_SUBJECT_TYPE,
          subjectId: unitPledge.id,
          payload: { pledgeId: pledge.id, version: pledge.number, cycleId: pledge.cycleId, unitId: unitPledge.unitId },
        },
      });
      unitPledge.status = 'signed';
      unitPledge.signedDocumentId = document.id;
      await manager.save(unitPledge);
      return describeUnitPledge(manager, this.approvals, unitPledge, pledge);
    });
  }

  /**
   * Called by the approval engine, in the act's transaction: the unit's pledge follows its
   * request. Only the current, unsealed version moves; submitting needs at least one target.
   */
  private async onStateEntered(
    manager: EntityManager,
    request: StateEnteredRequest,
    act: StateEnteringAct,
  ): Promise<void> {
    const state = request.state as UnitPledgeStatus;
    const unitPledge = await findUnitPledge(manager, request.subjectId, 'update');
    if (unitPledge.status === state) return;
    const pledge = await this.workablePledge(manager, unitPledge);
    const targets = await targetsOf(manager, unitPledge.id);
    if (state === 'submitted' && targets.length === 0) {
      throw new PledgesException(
        PledgesErrorCode.TargetsEmpty,
        'Set the targets first (PUT /unit-pledges/{id}/targets), then submit them.',
      );
    }
    unitPledge.status = state;
    await manager.save(unitPledge);
    if (state === 'approved') {
      await this.ledger.append(manager, {
        actorId: act.actorId,
        action: 'pledges.targets_approved',
        subjectType: UNIT_PLEDGE_SUBJECT_TYPE,
        subjectId: unitPledge.id,
        payload: {
          pledgeId: pledge.id,
          version: pledge.number,
          unitId: unitPledge.unitId,
          approvalRequestId: request.id,
          targets: targets.map(toTargetDto),
        },
      });
    }
  }

  /** The unit's pledge version, if it may still change: the current one, unsealed, its cycle open. */
  private async workablePledge(manager: EntityManager, unitPledge: UnitPledge): Promise<Pledge> {
    const pledge = await findPledge(manager, unitPledge.pledgeId, 'share');
    await assertCurrentVersion(manager, pledge);
    assertNotSealed(pledge);
    assertCycleOpen(await cycleOrThrow(manager, pledge.cycleId), PLEDGE_WORK_OF_THE_CYCLE);
    return pledge;
  }
}

function assertMaySee(actor: Actor, unitPledge: UnitPledge, pledge: Pledge): void {
  // Approved and signed targets are the cluster's business; drafts stay with the unit.
  if (unitPledge.status === 'approved' || unitPledge.status === 'signed') return;
  PledgePolicy.assertMaySeeDraft(actor, { unitId: unitPledge.unitId, clusterId: pledge.clusterId });
}

function assertApproved(unitPledge: UnitPledge): void {
  if (unitPledge.status !== 'approved' && unitPledge.status !== 'signed') {
    throw new PledgesException(
      PledgesErrorCode.TargetsNotApproved,
      `The targets are ${unitPledge.status}: the officer submits them and the head approves them before signing.`,
      { status: unitPledge.status },
    );
  }
}
