import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, MoreThanOrEqual, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { findPage, type Page } from '../../common/pagination/pagination';
import {
  LEDGER_SORT,
  toLedgerEntryResponse,
  type LedgerEntryDto,
  type ListLedgerEntriesQueryDto,
} from './dto/ledger.dto';
import type { LedgerAction } from './ledger-actions';
import { LedgerEntry } from './ledger-entry.entity';
import type { LedgerReaderLoader } from './ledger-reader';
import { LedgerReadPolicy } from './ledger-read.policy';
import { LedgerErrorCode, LedgerException } from './ledger.exception';
import { entryHash, GENESIS_HASH, payloadDigest, type HashedEntryFields } from './ledger-hash';

export interface LedgerEvent {
  /** Null for system actions (migrations, demo data). */
  actorId: string | null;
  /** `<module>.<what happened>`, one of `LEDGER_ACTIONS` (ledger-actions.ts). */
  action: LedgerAction;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
}

export interface LedgerVerification {
  valid: boolean;
  length: number;
  headHash: string;
  /** The first entry whose digest, hash or link does not match, when the chain is broken. */
  firstBrokenSeq?: string;
  reason?: string;
}

const VERIFY_BATCH = 1000;

function hashedFields(entry: LedgerEntry): HashedEntryFields {
  return {
    seq: String(entry.seq),
    occurredAt: entry.occurredAt.toISOString(),
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    payloadDigest: entry.payloadDigest,
    prevHash: entry.prevHash,
  };
}

/**
 * The tamper-evident audit ledger. Every module appends through `append`, inside the transaction
 * of the change it records, so a change and its entry commit or roll back together.
 */
@Injectable()
export class LedgerService {
  private loadReader?: LedgerReaderLoader;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The registry hands the ledger how a reader's scope is loaded (the ledger imports no module). */
  readScopesWith(loadReader: LedgerReaderLoader): void {
    this.loadReader = loadReader;
  }

  async append(manager: EntityManager, event: LedgerEvent): Promise<LedgerEntry> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new LedgerException(
        LedgerErrorCode.NotInTransaction,
        `Ledger append of ${event.action} outside a transaction`,
      );
    }
    // The head row lock serialises appenders: the next one re-reads the head after we commit.
    const [head] = (await manager.query('SELECT "seq", "hash" FROM "ledger_head" WHERE "id" = 1 FOR UPDATE')) as {
      seq: string;
      hash: string;
    }[];
    // Normalise to what jsonb gives back (no undefined, dates as strings) so verify sees the same.
    const payload = JSON.parse(JSON.stringify(event.payload)) as Record<string, unknown>;
    const entry = manager.create(LedgerEntry, {
      seq: (BigInt(head.seq) + 1n).toString(),
      occurredAt: new Date(),
      actorId: event.actorId,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      payload,
      payloadDigest: payloadDigest(payload),
      prevHash: head.hash,
    });
    entry.hash = entryHash(hashedFields(entry));
    await manager.save(LedgerEntry, entry);
    await manager.query('UPDATE "ledger_head" SET "seq" = $1, "hash" = $2 WHERE "id" = 1', [entry.seq, entry.hash]);
    return entry;
  }

  /**
   * Entries newest first (or by `sort=seq`), filtered by subject and action, scoped to what the
   * reader serves (docs/read-model.md): administrators see all; a secretariat member the entries
   * of their clusters and of those clusters' units; unit people their unit's and their clusters'
   * entries, another unit's drafts with the payload withheld; everyone the entries they authored.
   */
  async list(actor: Actor, query: ListLedgerEntriesQueryDto): Promise<Page<LedgerEntryDto>> {
    if (!this.loadReader) throw new Error('No reader scope registered: RegistryModule registers it at start.');
    const reader = await this.loadReader(this.dataSource.manager, actor);
    const qb = this.dataSource.getRepository(LedgerEntry).createQueryBuilder('e').leftJoinAndSelect('e.scope', 's');
    if (!reader.admin) {
      const clusters = [...reader.secretariatClusterIds, ...reader.memberClusterIds];
      const units = [...reader.unitIds, ...reader.secretariatUnitIds];
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('e.actor_id = :me', { me: reader.userId })
            .orWhere('s.cluster_id = ANY(CAST(:clusters AS uuid[]))', { clusters })
            .orWhere('s.unit_id = ANY(CAST(:ownUnits AS uuid[]))', { ownUnits: reader.unitIds })
            // A subject that names a unit but no cluster (the unit, its mandates): through the
            // clusters the unit belongs to today.
            // read model: the registry's memberships of today, as a subquery (a cluster has many units).
            .orWhere(
              `(s.cluster_id IS NULL AND (s.unit_id = ANY(CAST(:units AS uuid[])) OR s.unit_id IN (
                 SELECT m.unit_id FROM cluster_memberships m
                  WHERE m.cluster_id = ANY(CAST(:memberClusters AS uuid[]))
                    AND m.joined_on <= CURRENT_DATE AND (m.left_on IS NULL OR m.left_on >= CURRENT_DATE))))`,
              { units, memberClusters: reader.memberClusterIds },
            ),
        ),
      );
    }
    if (query.subjectType) qb.andWhere('e.subject_type = :subjectType', { subjectType: query.subjectType });
    if (query.subjectId) qb.andWhere('e.subject_id = :subjectId', { subjectId: query.subjectId });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    return findPage(qb, query, LEDGER_SORT, (entry) =>
      toLedgerEntryResponse(
        entry,
        LedgerReadPolicy.mayReadPayload(reader, entry, {
          clusterId: entry.scope?.clusterId ?? null,
          unitId: entry.scope?.unitId ?? null,
        }),
      ),
    );
  }

  async head(): Promise<{ length: number; headHash: string }> {
    const [head] = (await this.dataSource.query('SELECT "seq", "hash" FROM "ledger_head" WHERE "id" = 1')) as {
      seq: string;
      hash: string;
    }[];
    return { length: Number(head.seq), headHash: head.hash };
  }

  /** Recomputes every digest and hash from the stored rows, in order, and names the first break. */
  async verify(): Promise<LedgerVerification> {
    let expectedPrev = GENESIS_HASH;
    let expectedSeq = 1n;
    for (;;) {
      const batch = await this.dataSource.getRepository(LedgerEntry).find({
        where: { seq: MoreThanOrEqual(expectedSeq.toString()) },
        order: { seq: 'ASC' },
        take: VERIFY_BATCH,
      });
      for (const entry of batch) {
        const broken = (reason: string): LedgerVerification => ({
          valid: false,
          length: Number(expectedSeq - 1n),
          headHash: expectedPrev,
          firstBrokenSeq: String(entry.seq),
          reason,
        });
        if (BigInt(entry.seq) !== expectedSeq) return broken(`expected entry ${expectedSeq}, found ${entry.seq}`);
        if (entry.prevHash !== expectedPrev) return broken('prev_hash does not match the previous entry');
        if (payloadDigest(entry.payload) !== entry.payloadDigest)
          return broken('payload does not match payload_digest');
        if (entryHash(hashedFields(entry)) !== entry.hash) return broken('hash does not match the entry');
        expectedPrev = entry.hash;
        expectedSeq += 1n;
      }
      if (batch.length < VERIFY_BATCH) break;
    }
    const head = await this.head();
    const length = Number(expectedSeq - 1n);
    if (head.length !== length || head.headHash !== expectedPrev) {
      return {
        valid: false,
        length,
        headHash: expectedPrev,
        firstBrokenSeq: String(Math.min(head.length, length) + 1),
        reason: 'ledger_head does not point at the last entry',
      };
    }
    return { valid: true, length, headHash: expectedPrev };
  }
}
