import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { assertVersion, type IfMatch } from '../../common/versioning/version-precondition';
import { CycleGates, CyclesErrorCode, CyclesException, cycleOrThrow } from '../cycles';
import { LedgerService } from '../ledger';
import {
  DocumentSigner,
  SignedBundles,
  type SignedBundle,
  signableDocument,
  type SignDocumentDto,
  type SignedDocumentFacts,
} from '../signatures';
import type {
  CancelHandoverDto,
  FlagHandoverResponseDto,
  HandoverDocumentResponseDto,
  OpenHandoverDto,
} from './dto/flag-handovers.dto';
import { custodyTime, lockFlag, moveCustody, newPeriodId, openPeriod } from './flag-custody';
import { FlagCustodyPeriod } from './flag-custody-period.entity';
import { flagHandedOverGate } from './flag-handed-over.gate';
import { handoverRecord, type HandoverRecord, storedHandoverRecord } from './flag-handover-document';
import { handoverResponse } from './flag-responses';
import { FlagHandover } from './flag-handover.entity';
import { FlagPolicy } from './flag.policy';
import { FlagsErrorCode, FlagsException } from './flags.exception';
import { findHandover, HANDOVER_SUBJECT_TYPE, lockForStep, signStep } from './flag-handover-steps';
import { electedNextTermLeader } from './next-term-leader';

/**
 * The flag's handover: opened by the secretariat towards the next term's elected leader, released
 * by the outgoing custodian's head, received by the incoming leader's head — both signing the same
 * canonical record through DocumentSigner — or cancelled before it completes. Each step locks the
 * flag row, and moves custody in the transaction of its ledger entry.
 */
@Injectable()
export class FlagHandoversService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly signer: DocumentSigner,
    private readonly bundles: SignedBundles,
    private readonly gates: CycleGates,
  ) {}

  onModuleInit(): void {
    this.gates.register(flagHandedOverGate());
  }

  async open(actor: Actor, flagId: string, dto: OpenHandoverDto): Promise<FlagHandoverResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const flag = await lockFlag(manager, flagId);
      FlagPolicy.assertMayManage(actor, flag.clusterId);
      if (await manager.existsBy(FlagHandover, { flagId, status: In(['opened', 'released']) })) {
        throw FlagsException.handoverAlreadyOpen();
      }
      const current = await openPeriod(manager, flagId);
      if (current.state !== 'held') throw notHeld();
      const cycle = await cycleOrThrow(manager, dto.cycleId, 'share');
      if (cycle.clusterId !== flag.clusterId) {
        throw new FlagsException(
          FlagsErrorCode.HandoverCycleOtherCluster,
          "Hand the flag over within its own cluster's cycle.",
          { cycleId: cycle.id, clusterId: flag.clusterId },
        );
      }
      if (cycle.phase === 'closed') {
        throw new CyclesException(CyclesErrorCode.CycleClosed, `The ${cycle.year} cycle is closed.`, {
          cycleId: cycle.id,
        });
      }
      if (await manager.existsBy(FlagHandover, { cycleId: cycle.id, status: Not('cancelled') })) {
        throw FlagsException.cycleAlreadyHandedOver();
      }
      const leader = await electedNextTermLeader(manager, cycle);
      if (!leader || (dto.toUnitId && dto.toUnitId !== leader.unitId)) {
        throw new FlagsException(
          FlagsErrorCode.HandoverRecipientNotElected,
          leader
            ? `The leader elected for ${leader.termYear} is ${leader.unit?.name}; the flag goes to that unit only.`
            : `No leader unit has been elected (and certified) for ${cycle.year + 1} yet.`,
          { termYear: cycle.year + 1, electedUnitId: leader?.unitId ?? null },
        );
      }
      if (leader.unitId === current.custodianUnitId) {
        throw new FlagsException(
          FlagsErrorCode.HandoverRecipientIsCustodian,
          `${leader.unit?.name} was elected again and already holds the flag; the cycle may close as it is.`,
        );
      }
      const handover = await manager.save(
        manager.create(FlagHandover, {
          flagId,
          cycleId: cycle.id,
          fromUnitId: current.custodianUnitId!,
          toUnitId: leader.unitId,
          leadershipId: leader.id,
          electionPollId: leader.pollId!,
          termYear: leader.termYear,
          handoverDate: dto.handoverDate,
          place: dto.place,
          witnesses: dto.witnesses.map((name) => name.trim()),
          status: 'opened',
          openedBy: actor.userId,
        }),
      );
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'flags.handover_opened',
        subjectType: HANDOVER_SUBJECT_TYPE,
        subjectId: handover.id,
        payload: {
          flagId,
          cycleId: cycle.id,
          fromUnitId: handover.fromUnitId,
          toUnitId: handover.toUnitId,
          leadershipId: leader.id,
          electionPollId: leader.pollId,
          handoverDate: handover.handoverDate,
          place: handover.place,
          witnesses: handover.witnesses,
        },
      });
      return handoverResponse(manager, handover);
    });
  }

  async get(_actor: Actor, id: string): Promise<FlagHandoverResponseDto> {
    const manager = this.dataSource.manager;
    return handoverResponse(manager, await findHandover(manager, id));
  }

  /** The canonical record to sign, and its digest. */
  async document(_actor: Actor, id: string): Promise<HandoverDocumentResponseDto> {
    const manager = this.dataSource.manager;
    const handover = await findHandover(manager, id);
    const source: { stored: SignedDocumentFacts } | { content: HandoverRecord } = handover.signedDocumentId
      ? { stored: await storedHandoverRecord(manager, handover.signedDocumentId) }
      : { content: await handoverRecord(manager, handover) };
    return { ...(await signableDocument(manager, 'handover_record', id, source)), handoverId: id };
  }

  /** The outgoing custodian's head signs: the flag leaves its custodian and is in transit. */
  async release(actor: Actor, id: string, dto: SignDocumentDto): Promise<FlagHandoverResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const { handover, current } = await lockForStep(manager, id, 'release');
      if (current.state !== 'held' || current.custodianUnitId !== handover.fromUnitId) {
        throw FlagsException.custodyConflict();
      }
      const periodId = newPeriodId();
      const signed = await signStep(this.signer, manager, actor, handover, dto, 'release', {
        state: 'in_transit',
        periodId,
        closedPeriodId: current.id,
      });
      const at = await custodyTime(manager, current.startedAt);
      await moveCustody(
        manager,
        current,
        {
          id: periodId,
          state: 'in_transit',
          custodianUnitId: null,
          cause: 'released',
          handoverId: handover.id,
          signedDocumentId: signed.documentId,
        },
        at,
      );
      Object.assign(handover, {
        status: 'released',
        releasedAt: at,
        releaseSignatureId: signed.signatureId,
        signedDocumentId: signed.documentId,
      });
      return handoverResponse(manager, await manager.save(handover));
    });
  }

  /** The incoming leader's head signs the same record: custody moves to their unit. */
  async receipt(actor: Actor, id: string, dto: SignDocumentDto): Promise<FlagHandoverResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const { handover, current } = await lockForStep(manager, id, 'receipt');
      if (current.state !== 'in_transit' || current.handoverId !== handover.id) throw FlagsException.custodyConflict();
      const periodId = newPeriodId();
      const signed = await signStep(this.signer, manager, actor, handover, dto, 'receipt', {
        state: 'held',
        custodianUnitId: handover.toUnitId,
        periodId,
        closedPeriodId: current.id,
      });
      const at = await custodyTime(manager, current.startedAt);
      await moveCustody(
        manager,
        current,
        {
          id: periodId,
          state: 'held',
          custodianUnitId: handover.toUnitId,
          cause: 'received',
          handoverId: handover.id,
          leadershipId: handover.leadershipId,
          electionPollId: handover.electionPollId,
          signedDocumentId: signed.documentId,
        },
        at,
      );
      Object.assign(handover, { status: 'completed', completedAt: at, receiptSignatureId: signed.signatureId });
      return handoverResponse(manager, await manager.save(handover));
    });
  }

  /** The secretariat stops a handover before it completes; a flag in transit goes back to its custodian. */
  async cancel(actor: Actor, id: string, dto: CancelHandoverDto, ifMatch?: IfMatch): Promise<FlagHandoverResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const { flag, handover, current } = await lockForStep(manager, id, 'cancel', (clusterId) =>
        FlagPolicy.assertMayManage(actor, clusterId),
      );
      assertVersion('flag_handover', handover.version, { expectedVersion: dto.expectedVersion, ifMatch });
      const at = await custodyTime(manager, current.startedAt);
      let restoredPeriodId: string | null = null;
      if (handover.status === 'released') {
        // Back to the unit that released it, under the term it held the flag by.
        const held = await manager.findOneByOrFail(FlagCustodyPeriod, {
          flagId: flag.id,
          position: current.position - 1,
        });
        restoredPeriodId = newPeriodId();
        await moveCustody(
          manager,
          current,
          {
            id: restoredPeriodId,
            state: 'held',
            custodianUnitId: handover.fromUnitId,
            cause: 'handover_cancelled',
            handoverId: handover.id,
            leadershipId: held.leadershipId,
            electionPollId: held.electionPollId,
          },
          at,
        );
      }
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'flags.handover_cancelled',
        subjectType: HANDOVER_SUBJECT_TYPE,
        subjectId: handover.id,
        payload: {
          flagId: flag.id,
          cycleId: handover.cycleId,
          reason: dto.reason,
          statusBefore: handover.status,
          custody: restoredPeriodId
            ? { state: 'held', custodianUnitId: handover.fromUnitId, periodId: restoredPeriodId }
            : null,
        },
      });
      Object.assign(handover, {
        status: 'cancelled',
        cancelReason: dto.reason,
        cancelledBy: actor.userId,
        cancelledAt: at,
      });
      return handoverResponse(manager, await manager.save(handover));
    });
  }

  /** The signed record with its signatures, keys, mandates and ledger entries, for offline checking. */
  async bundle(_actor: Actor, id: string): Promise<SignedBundle> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const handover = await findHandover(manager, id);
      const documentIds = handover.signedDocumentId ? [handover.signedDocumentId] : [];
      return this.bundles.build(manager, { type: HANDOVER_SUBJECT_TYPE, id }, documentIds, handover.signedDocumentId);
    });
  }
}

const notHeld = () =>
  new FlagsException(FlagsErrorCode.FlagNotHeld, 'The flag is in transit; finish or cancel its handover first.');
