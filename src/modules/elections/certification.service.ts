import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityNotFoundError, IsNull, Not, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { databaseNow } from '../../common/clock/database-clock';
import type { IfMatch } from '../../common/versioning/version-precondition';
import { LedgerService } from '../ledger';
import { mandateHeldAt } from '../mandates';
import {
  DocumentSigner,
  type SignedBundle,
  SignedBundles,
  secretariatCapacity,
  signingTime,
  type SignerCapacity,
  type SignDocumentDto,
  signableDocument,
  signableStoredDocument,
  signedDocuments,
  subjectDocuments,
  SignaturesErrorCode,
  SignaturesException,
} from '../signatures';
import { CountingBoard } from './counting-board.entity';
import { boardOf } from './counting-board-reads';
import { CountingBoardPolicy } from './counting-board.policy';
import { CountingErrorCode, CountingException } from './counting.exception';
import { buildCountingRecord, type CountingRecord } from './counting-record';
import type { CountingRecordResponseDto } from './dto/certification.dto';
import type { PollResponseDto, PollVersionDto } from './dto/polls.dto';
import { ElectionsErrorCode, ElectionsException } from './elections.exception';
import { LeadershipEffect } from './leadership-effect';
import { PollEffects } from './poll-effects';
import { PollPolicy } from './poll.policy';
import { POLL_SUBJECT, describePoll, findPoll, meetingOf } from './poll-store';
import type { Poll } from './poll.entity';
import { assertPollVersion } from './polls.service';

const KIND = 'counting_record' as const;

/**
 * Certification of a tallied poll: the counting record is signed by every counting-board member
 * and by the secretariat (one signing mechanism, DocumentSigner), then the secretariat seals it —
 * the poll becomes read-only, the ledger records the digest, and the result takes effect.
 */
@Injectable()
export class CertificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly signer: DocumentSigner,
    private readonly effects: PollEffects,
    private readonly leadership: LeadershipEffect,
    private readonly bundles: SignedBundles,
  ) {}

  /** The signed counting record with its signatures, keys, mandates and ledger entries, for offline checking. */
  async bundle(_actor: Actor, pollId: string): Promise<SignedBundle> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const poll = await findPoll(manager, pollId);
      const documents = await subjectDocuments(manager, KIND, poll.id);
      const root = poll.countingRecordDocumentId ?? documents[0]?.id ?? null;
      return this.bundles.build(
        manager,
        { type: POLL_SUBJECT, id: poll.id },
        documents.map((d) => d.id),
        root,
      );
    });
  }

  async record(_actor: Actor, pollId: string): Promise<CountingRecordResponseDto> {
    const manager = this.dataSource.manager;
    return this.describe(manager, await findPoll(manager, pollId));
  }

  async sign(actor: Actor, pollId: string, dto: SignDocumentDto): Promise<CountingRecordResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      // FOR SHARE: signatures may go side by side; the certification (FOR UPDATE) waits for them.
      await manager.query(`SELECT id FROM polls WHERE id = $1 FOR SHARE`, [pollId]);
      const poll = await findPoll(manager, pollId);
      assertTallied(poll);
      const meeting = await meetingOf(manager, poll);
      const board = await assertBoard(manager, poll.id);
      const signedAt = await signingTime(manager);
      const capacity = await this.capacityOf(manager, actor.userId, board, meeting.clusterId, signedAt);
      await this.signer.sign(manager, {
        signerId: actor.userId,
        kind: KIND,
        subjectId: poll.id,
        content: (await this.currentRecord(manager, poll)).content,
        expectedDigest: dto.digest,
        signingKeyId: dto.signingKeyId,
        signature: dto.signature,
        capacity,
        signedAt,
        ledger: { action: 'elections.counting_record_signed', subjectType: POLL_SUBJECT, subjectId: poll.id },
      });
      return this.describe(manager, poll);
    });
  }

  async certify(actor: Actor, pollId: string, dto: PollVersionDto, ifMatch?: IfMatch): Promise<PollResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const poll = await findPoll(manager, pollId, true);
      PollPolicy.assertMayManage(actor, (await meetingOf(manager, poll)).clusterId);
      assertTallied(poll);
      assertPollVersion(poll, { expectedVersion: dto.expectedVersion, ifMatch });
      await assertBoard(manager, poll.id);
      const state = await this.describe(manager, poll);
      if (!state.readyToCertify || !state.documentId) {
        throw new CountingException(
          CountingErrorCode.RecordNotSigned,
          [
            state.pendingBoardMembers.length > 0
              ? `Still to sign for the counting board: ${state.pendingBoardMembers.map((m) => m.fullName).join(', ')}.`
              : '',
            state.secretariatSigned ? '' : 'A member of the secretariat must sign too.',
          ]
            .filter(Boolean)
            .join(' '),
          { pendingBoardMembers: state.pendingBoardMembers, secretariatSigned: state.secretariatSigned },
        );
      }
      const now = await databaseNow(manager);
      Object.assign(poll, { status: 'certified', certifiedAt: now, countingRecordDocumentId: state.documentId });
      await manager.save(poll);
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'elections.result_certified',
        subjectType: POLL_SUBJECT,
        subjectId: poll.id,
        payload: {
          documentId: state.documentId,
          digest: state.digest,
          outcome: (poll.result as { outcome?: string }).outcome ?? null,
          winners: (poll.result as { winners?: string[] }).winners ?? [],
          signatures: state.signatures.map((s) => ({ id: s.signatureId, signerId: s.signerId, capacity: s.capacity })),
          certifiedAt: now.toISOString(),
        },
      });
      await this.effects.apply(manager, poll, actor.userId);
      await this.leadership.apply(manager, poll, actor.userId);
      return describePoll(manager, poll);
    });
  }

  /** A board member signs as such (with any mandate held then); else the cluster's secretariat. */
  private async capacityOf(
    manager: EntityManager,
    userId: string,
    board: Awaited<ReturnType<typeof boardOf>>,
    clusterId: string,
    at: Date,
  ): Promise<SignerCapacity> {
    const member = board.find((m) => m.user_id === userId);
    if (member) {
      const mandateId = await mandateHeldAt(manager, userId, at, member.unit_id);
      return { capacity: 'counting_board', unitId: member.unit_id, mandateId, delegationId: null };
    }
    const secretariat = await secretariatCapacity(manager, userId, clusterId, at);
    if (secretariat) return secretariat;
    throw new SignaturesException(
      SignaturesErrorCode.CapacityMissing,
      "A counting record is signed by the poll's counting board and the cluster's secretariat.",
    );
  }

  /**
   * The record to sign: once someone has signed, the stored document (names and places as they were
   * then, so a later rename cannot change the digest under the signers); before, built from the poll.
   */
  private async currentRecord(manager: EntityManager, poll: Poll) {
    const document = poll.countingRecordDocumentId
      ? await certifiedRecord(manager, poll.countingRecordDocumentId)
      : ((await subjectDocuments(manager, KIND, poll.id, 1))[0] ?? null);
    if (document) {
      const { canonical, digest } = document;
      return { canonical, digest, content: JSON.parse(canonical) as CountingRecord, document };
    }
    const content = await buildCountingRecord(manager, poll);
    return { ...this.signer.document(content), content, document: null };
  }

  private async describe(manager: EntityManager, poll: Poll): Promise<CountingRecordResponseDto> {
    if (poll.status !== 'tallied' && poll.status !== 'certified') assertTallied(poll);
    const { content, document } = await this.currentRecord(manager, poll);
    const signable = document
      ? await signableStoredDocument<typeof KIND, CountingRecord>(manager, KIND, poll.id, document)
      : await signableDocument(manager, KIND, poll.id, { content });
    const board = await boardOf(manager, poll.id);
    const confirmed = await manager.existsBy(CountingBoard, { pollId: poll.id, confirmedAt: Not(IsNull()) });
    const signedBoard = new Set(
      signable.signatures.filter((x) => x.capacity === 'counting_board').map((x) => x.signerId),
    );
    const pendingBoardMembers = board
      .filter((m) => !signedBoard.has(m.user_id))
      .map((m) => ({ userId: m.user_id, fullName: m.full_name }));
    const secretariatSigned = signable.signatures.some((x) => x.capacity === 'secretariat');
    return {
      ...signable,
      pollId: poll.id,
      pendingBoardMembers,
      secretariatSigned,
      readyToCertify: confirmed && board.length >= 2 && pendingBoardMembers.length === 0 && secretariatSigned,
    };
  }
}

/** The certified poll's record; the foreign key keeps it, so a miss fails as findOneByOrFail did. */
async function certifiedRecord(manager: EntityManager, id: string) {
  const document = (await signedDocuments(manager, [id])).get(id);
  if (!document) throw new EntityNotFoundError('SignedDocument', { id });
  return document;
}

function assertTallied(poll: Poll): void {
  if (poll.status === 'certified') throw CountingException.certified();
  if (poll.status !== 'tallied') {
    throw new ElectionsException(
      ElectionsErrorCode.PollNotTallied,
      'The counting record exists once the poll is tallied.',
      {
        status: poll.status,
      },
    );
  }
}

/** The board the meeting confirmed: nobody signs as the board of a proposal only. */
async function assertBoard(manager: EntityManager, pollId: string): Promise<Awaited<ReturnType<typeof boardOf>>> {
  await CountingBoardPolicy.assertConfirmed(manager, pollId);
  const board = await boardOf(manager, pollId);
  if (board.length < 2) {
    throw new CountingException(
      CountingErrorCode.BoardMissing,
      'The counting board is proposed (PUT …/counting-board) and confirmed by the meeting before the record is signed.',
    );
  }
  return board;
}
