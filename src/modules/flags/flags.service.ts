import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { LedgerService } from '../ledger';
import {
  clusterRef,
  isCurrentMember,
  leadershipFacts,
  lockCluster,
  RegistryException,
  unitExists,
  unitRefs,
} from '../registry';
import { type SignatureSummary, signaturesOfDocuments, signedDocuments } from '../signatures';
import type { CustodyChainResponseDto, CustodySignedRecordDto } from './dto/custody-chain.dto';
import { toFlagIncidentResponse } from './dto/flag-incidents.dto';
import { toUnitRef, type FlagResponseDto, type RegisterFlagDto } from './dto/flags.dto';
import { custodyTime, firstPeriod } from './flag-custody';
import { FlagCustodyPeriod } from './flag-custody-period.entity';
import { Flag } from './flag.entity';
import { FlagHandover } from './flag-handover.entity';
import { FlagIncident } from './flag-incident.entity';
import { FlagPolicy } from './flag.policy';
import { FlagsErrorCode, FlagsException } from './flags.exception';
import { flagResponse, handoverResponses } from './flag-responses';

export const FLAG_SUBJECT_TYPE = 'flag';

/** The cluster's rotating flag: registering it with its first custodian, and reading its chain of custody. */
@Injectable()
export class FlagsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async register(actor: Actor, clusterId: string, dto: RegisterFlagDto): Promise<FlagResponseDto> {
    FlagPolicy.assertMayManage(actor, clusterId);
    return this.dataSource.transaction(async (manager) => {
      if (!(await lockCluster(manager, clusterId, 'share'))) throw RegistryException.clusterNotFound(clusterId);
      if (await manager.existsBy(Flag, { clusterId })) throw FlagsException.alreadyRegistered();
      await assertCurrentMember(manager, clusterId, dto.custodianUnitId);
      const flag = await manager.save(
        manager.create(Flag, {
          clusterId,
          name: dto.name,
          description: dto.description || null,
          photoSha256: null,
          photoContentType: null,
          registeredBy: actor.userId,
        }),
      );
      const period = await firstPeriod(manager, flag.id, dto.custodianUnitId, await custodyTime(manager, new Date(0)));
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'flags.flag_registered',
        subjectType: FLAG_SUBJECT_TYPE,
        subjectId: flag.id,
        payload: {
          clusterId,
          name: flag.name,
          description: flag.description,
          custodianUnitId: dto.custodianUnitId,
          periodId: period.id,
        },
      });
      return this.respond(manager, flag);
    });
  }

  async getForCluster(_actor: Actor, clusterId: string): Promise<FlagResponseDto> {
    const manager = this.dataSource.manager;
    const flag = await manager.findOne(Flag, { where: { clusterId } });
    if (!flag) {
      if (!(await clusterRef(manager, clusterId))) throw RegistryException.clusterNotFound(clusterId);
      throw FlagsException.flagNotFound({ clusterId });
    }
    return this.respond(manager, flag);
  }

  async get(_actor: Actor, id: string): Promise<FlagResponseDto> {
    const manager = this.dataSource.manager;
    const flag = await manager.findOne(Flag, { where: { id } });
    if (!flag) throw FlagsException.flagNotFound({ flagId: id });
    return this.respond(manager, flag);
  }

  /** The whole chain, oldest first: who held the flag, when, under which term, by which signed record. */
  async custody(_actor: Actor, id: string): Promise<CustodyChainResponseDto> {
    // One snapshot: the chain, its incidents and its handovers as of the same moment.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const flag = await manager.findOne(Flag, { where: { id } });
      if (!flag) throw FlagsException.flagNotFound({ flagId: id });
      const periods = await manager.find(FlagCustodyPeriod, { where: { flagId: id }, order: { position: 'ASC' } });
      const custodians = await unitRefs(manager, presentIds(periods.map((p) => p.custodianUnitId)));
      const incidents = await manager.find(FlagIncident, { where: { flagId: id }, order: { reportedAt: 'ASC' } });
      const leaderships = await leadershipFacts(manager, presentIds(periods.map((p) => p.leadershipId)));
      const records = await signedRecords(manager, presentIds(periods.map((p) => p.signedDocumentId)));
      const handovers = await manager.find(FlagHandover, { where: { flagId: id }, order: { createdAt: 'ASC' } });
      return {
        flag: await this.respond(manager, flag),
        periods: periods.map((period) => {
          const leadership = period.leadershipId ? leaderships.get(period.leadershipId) : undefined;
          const custodian = period.custodianUnitId ? custodians.get(period.custodianUnitId) : undefined;
          return {
            id: period.id,
            position: period.position,
            state: period.state,
            custodian: custodian ? toUnitRef(custodian) : null,
            cause: period.cause,
            startedAt: period.startedAt.toISOString(),
            endedAt: period.endedAt ? period.endedAt.toISOString() : null,
            handoverId: period.handoverId,
            election: leadership
              ? { leadershipId: leadership.id, pollId: leadership.pollId, termYear: leadership.termYear }
              : null,
            signedRecord: (period.signedDocumentId && records.get(period.signedDocumentId)) || null,
            incidents: incidents.filter((i) => i.custodyPeriodId === period.id).map(toFlagIncidentResponse),
          };
        }),
        handovers: await handoverResponses(manager, handovers),
      };
    });
  }

  private respond(manager: EntityManager, flag: Flag): Promise<FlagResponseDto> {
    return flagResponse(manager, flag);
  }
}

async function assertCurrentMember(manager: EntityManager, clusterId: string, unitId: string): Promise<void> {
  if (!(await unitExists(manager, unitId))) throw RegistryException.unitNotFound(unitId);
  if (!(await isCurrentMember(manager, clusterId, unitId))) {
    throw new FlagsException(
      FlagsErrorCode.CustodianNotMember,
      "The flag is held by one of the cluster's current member units.",
      { unitId, clusterId },
    );
  }
}

const presentIds = (ids: (string | null)[]): string[] => ids.filter((id): id is string => id !== null);

/**
 * Each signed record with its signatures, signers' names and key fingerprints; the signatures in
 * the order they were recorded (time, then ledger entry).
 */
async function signedRecords(
  manager: EntityManager,
  documentIds: string[],
): Promise<Map<string, CustodySignedRecordDto>> {
  const documents = [...(await signedDocuments(manager, documentIds)).values()];
  const signatures = await signaturesOfDocuments(
    manager,
    documents.map((d) => d.id),
  );
  return new Map(
    documents.map((document) => [
      document.id,
      {
        documentId: document.id,
        digest: document.digest,
        signatures: [...(signatures.get(document.id) ?? [])].sort(byTimeThenLedger).map((s) => ({
          id: s.signatureId,
          signerId: s.signerId,
          signerName: s.signerName,
          capacity: s.capacity,
          unitId: s.unitId,
          keyFingerprint: s.keyFingerprint,
          signedAt: s.signedAt,
          ledgerSeq: s.ledgerSeq,
        })),
      },
    ]),
  );
}

/** Signed at (ISO, to the ms as stored), then ledger sequence: the order the custody chain has always shown. */
function byTimeThenLedger(a: SignatureSummary, b: SignatureSummary): number {
  if (a.signedAt !== b.signedAt) return a.signedAt < b.signedAt ? -1 : 1;
  const [x, y] = [BigInt(a.ledgerSeq), BigInt(b.ledgerSeq)];
  return x < y ? -1 : x > y ? 1 : 0;
}
