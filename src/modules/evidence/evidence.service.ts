import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { evidenceConfig } from '../../config/evidence.config';
import type { PageQueryDto } from '../../common/pagination/page-query.dto';
import { findPage, type Page, type SortSpec } from '../../common/pagination/pagination';
import { sha256Hex, LedgerService } from '../ledger';
import {
  assertMayEnterSelfScores,
  assertMayReadSheet,
  findScoreEntry,
  scoreEntryById,
  type ScoreEntryOfSheet,
} from '../scoring';
import {
  toEvidenceFileResponse,
  type EvidenceFileResponseDto,
  type EvidenceLimitsResponseDto,
} from './dto/evidence-files.dto';
import { EvidenceFile } from './evidence-file.entity';
import { evidenceFileName, nameForDetectedType } from './evidence-file-name';
import { ALLOWED_EVIDENCE_TYPES, detectEvidenceContentType, evidenceFileKinds } from './evidence-file-type';
import { EvidenceStorage } from './evidence-storage';
import type { UploadedEvidence } from './evidence-upload.pipe';
import { EvidenceErrorCode, EvidenceException } from './evidence.exception';

const EVIDENCE_SORT: SortSpec = { fields: { createdAt: 'createdAt' }, default: 'createdAt' };

export const EVIDENCE_FILE_SUBJECT_TYPE = 'evidence_file';

/** An evidence file with the bytes to send. */
export interface EvidenceContent {
  file: EvidenceFileResponseDto;
  bytes: Buffer;
}

/**
 * Evidence files (minh chứng) of score entries: the unit attaches them while it may enter its
 * self scores; whoever may read the sheet reads them. Bytes go through `EvidenceStorage`.
 */
@Injectable()
export class EvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly storage: EvidenceStorage,
    @Inject(evidenceConfig.KEY) private readonly config: ConfigType<typeof evidenceConfig>,
  ) {}

  /** The size limit and the accepted kinds, from the same config and table the upload checks. */
  limits(): EvidenceLimitsResponseDto {
    return { maxBytes: this.config.maxBytes, types: evidenceFileKinds() };
  }

  async attach(
    actor: Actor,
    periodId: string,
    unitId: string,
    itemCode: string,
    upload: UploadedEvidence,
  ): Promise<EvidenceFileResponseDto> {
    if (upload.bytes.length === 0) {
      throw new EvidenceException(EvidenceErrorCode.Empty, 'The file has no content: attach the document itself.');
    }
    const givenName = evidenceFileName(upload.fileName);
    const contentType = detectEvidenceContentType(upload.bytes, givenName);
    if (!contentType) {
      throw new EvidenceException(
        EvidenceErrorCode.TypeNotAllowed,
        `Evidence may be ${ALLOWED_EVIDENCE_TYPES.join(', ')}; the content of this file is none of these ` +
          '(office documents also need their usual extension).',
        { allowedTypes: ALLOWED_EVIDENCE_TYPES },
      );
    }
    const fileName = nameForDetectedType(givenName, contentType);
    return this.dataSource.transaction(async (manager) => {
      // The sheet is share-locked: it is not submitted under an upload still in progress.
      const { entry, sheet } = await this.findEntry(manager, periodId, unitId, itemCode, true);
      await assertMayEnterSelfScores(manager, actor, sheet);
      const stored = await this.storage.put(manager, upload.bytes);
      const file = await manager.save(
        manager.create(EvidenceFile, {
          entryId: entry.id,
          fileName,
          contentType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          uploadedBy: actor.userId,
        }),
      );
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'evidence.file_attached',
        subjectType: EVIDENCE_FILE_SUBJECT_TYPE,
        subjectId: file.id,
        payload: {
          fileId: file.id,
          entryId: entry.id,
          fileName,
          contentType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
        },
      });
      return toEvidenceFileResponse(file, entry, sheet);
    });
  }

  /** The files of an entry, oldest first. */
  async list(
    actor: Actor,
    periodId: string,
    unitId: string,
    itemCode: string,
    query: PageQueryDto,
  ): Promise<Page<EvidenceFileResponseDto>> {
    const manager = this.dataSource.manager;
    const { entry, sheet } = await this.findEntry(manager, periodId, unitId, itemCode, false);
    await assertMayReadSheet(manager, actor, sheet);
    const qb = manager
      .getRepository(EvidenceFile)
      .createQueryBuilder('file')
      .where('file.entryId = :entryId', { entryId: entry.id });
    return findPage(qb, query, EVIDENCE_SORT, (file) => toEvidenceFileResponse(file, entry, sheet));
  }

  async get(actor: Actor, id: string): Promise<EvidenceFileResponseDto> {
    const manager = this.dataSource.manager;
    const { file, entry, sheet } = await this.findFile(manager, id, false);
    await assertMayReadSheet(manager, actor, sheet);
    return toEvidenceFileResponse(file, entry, sheet);
  }

  /** The file's bytes, checked against the SHA-256 recorded at upload before they are sent. */
  async content(actor: Actor, id: string): Promise<EvidenceContent> {
    const manager = this.dataSource.manager;
    const { file, entry, sheet } = await this.findFile(manager, id, false);
    await assertMayReadSheet(manager, actor, sheet);
    const bytes = await this.storage.get(manager, file.sha256);
    if (!bytes || sha256Hex(bytes) !== file.sha256) {
      throw new EvidenceException(
        EvidenceErrorCode.ContentMissing,
        'The stored content of this file is missing or does not match its SHA-256; tell the administrators.',
        { fileId: file.id, sha256: file.sha256 },
      );
    }
    return { file: toEvidenceFileResponse(file, entry, sheet), bytes };
  }

  /** Detaches a file from its entry (same rules as attaching). The stored bytes stay: see docs/evidence.md. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { file, entry, sheet } = await this.findFile(manager, id, true);
      await assertMayEnterSelfScores(manager, actor, sheet);
      await manager.delete(EvidenceFile, { id: file.id });
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'evidence.file_removed',
        subjectType: EVIDENCE_FILE_SUBJECT_TYPE,
        subjectId: file.id,
        payload: { fileId: file.id, entryId: entry.id, fileName: file.fileName, sha256: file.sha256 },
      });
    });
  }

  private async findEntry(
    manager: EntityManager,
    periodId: string,
    unitId: string,
    itemCode: string,
    lock: boolean,
  ): Promise<ScoreEntryOfSheet> {
    const found = await findScoreEntry(manager, { periodId, unitId, itemCode }, lock);
    if (!found) throw EvidenceException.entryNotFound(periodId, unitId, itemCode);
    return found;
  }

  private async findFile(
    manager: EntityManager,
    id: string,
    lock: boolean,
  ): Promise<ScoreEntryOfSheet & { file: EvidenceFile }> {
    const file = await manager.findOne(EvidenceFile, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!file) throw EvidenceException.fileNotFound(id);
    return { file, ...(await scoreEntryById(manager, file.entryId, lock)) };
  }
}
