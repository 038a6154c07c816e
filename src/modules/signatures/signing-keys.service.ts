import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, type JsonWebKey } from 'node:crypto';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { databaseNow } from '../../common/clock/database-clock';
import { findPage, type Page } from '../../common/pagination/pagination';
import { LedgerService } from '../ledger';
import { userExists, UsersErrorCode, UsersException } from '../users';
import {
  SIGNING_KEY_SORT,
  toSigningChallengeResponse,
  toSigningKeyResponse,
  type ListSigningKeysQueryDto,
  type RegisterSigningKeyDto,
  type RevokeSigningKeyDto,
  type SigningChallengeResponseDto,
  type SigningKeyResponseDto,
} from './dto/signing-keys.dto';
import { decodeSignature, parsePublicKey, verifySignature } from './signature-crypto';
import { SigningKeyPolicy } from './signing-key.policy';
import { SigningKey } from './signing-key.entity';
import { SigningKeyChallenge } from './signing-key-challenge.entity';
import { SignaturesErrorCode, SignaturesException } from './signatures.exception';

const CHALLENGE_LIFETIME = '10 minutes';
export const SIGNING_KEY_SUBJECT_TYPE = 'signing_key';

function keyNotFound(what: string): SignaturesException {
  return new SignaturesException(SignaturesErrorCode.KeyNotFound, `There is no signing key with ${what}.`);
}

/**
 * A person's public signing keys: registered with a proof of possession (a signature over a
 * one-time challenge), readable by everyone signed in, revoked by their holder. The private key
 * never reaches the server.
 */
@Injectable()
export class SigningKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  /** A fresh text to sign with the new key; the database's clock sets the expiry. */
  async createChallenge(actor: Actor): Promise<SigningChallengeResponseDto> {
    const manager = this.dataSource.manager;
    const [row] = (await manager.query(
      `SELECT date_trunc('milliseconds', now()) + interval '${CHALLENGE_LIFETIME}' AS expires_at`,
    )) as { expires_at: Date | string }[];
    const expiresAt = new Date(row.expires_at);
    const challenge = [
      'thidua key registration',
      `user: ${actor.userId}`,
      `nonce: ${randomBytes(32).toString('base64url')}`,
      `expires: ${expiresAt.toISOString()}`,
    ].join('\n');
    const saved = await manager.save(
      manager.create(SigningKeyChallenge, { userId: actor.userId, challenge, expiresAt, usedAt: null }),
    );
    return toSigningChallengeResponse(saved);
  }

  async register(actor: Actor, dto: RegisterSigningKeyDto): Promise<SigningKeyResponseDto> {
    const parsed = parsePublicKey(
      typeof dto.publicKey === 'string' ? dto.publicKey : (dto.publicKey as unknown as JsonWebKey),
    );
    const signature = decodeSignature(parsed.algorithm, dto.challengeSignature);
    return this.dataSource.transaction(async (manager) => {
      // Locked: two registrations with one challenge spend it once.
      const found = await manager.findOne(SigningKeyChallenge, {
        where: { id: dto.challengeId },
        lock: { mode: 'pessimistic_write' },
      });
      const challenge = SigningKeyPolicy.assertOwnChallenge(actor, found, dto.challengeId);
      if (challenge.usedAt) {
        throw new SignaturesException(
          SignaturesErrorCode.ChallengeUsed,
          'A challenge proves possession of one key, once; ask for a new challenge.',
        );
      }
      if (challenge.expiresAt <= (await databaseNow(manager))) {
        throw new SignaturesException(
          SignaturesErrorCode.ChallengeExpired,
          `The challenge expired at ${challenge.expiresAt.toISOString()}; ask for a new one and sign it within 10 minutes.`,
        );
      }
      if (
        !verifySignature(parsed.algorithm, parsed.publicKeyPem, Buffer.from(challenge.challenge, 'utf8'), signature)
      ) {
        throw new SignaturesException(
          SignaturesErrorCode.ProofOfPossessionFailed,
          "Sign the challenge text exactly as served (UTF-8, no trailing newline) with this key's private half.",
          { fingerprint: parsed.fingerprint },
        );
      }
      await manager.update(SigningKeyChallenge, { id: challenge.id }, { usedAt: () => 'now()' });
      // A key registered twice (here or by someone else) is refused by uq_signing_keys_fingerprint.
      const key = await manager.save(
        manager.create(SigningKey, {
          userId: actor.userId,
          algorithm: parsed.algorithm,
          publicKeyPem: parsed.publicKeyPem,
          fingerprint: parsed.fingerprint,
          label: dto.label ?? null,
          revokedAt: null,
          revocationReason: null,
        }),
      );
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'signatures.key_registered',
        subjectType: SIGNING_KEY_SUBJECT_TYPE,
        subjectId: key.id,
        payload: {
          userId: key.userId,
          fingerprint: key.fingerprint,
          algorithm: key.algorithm,
          label: key.label,
          challengeId: challenge.id,
        },
      });
      return toSigningKeyResponse(key);
    });
  }

  listOwn(actor: Actor, query: ListSigningKeysQueryDto): Promise<Page<SigningKeyResponseDto>> {
    return this.listOf(actor.userId, query);
  }

  /** Public keys are public: anyone signed in may check a person's signatures against them. */
  async listOfUser(
    _actor: Actor,
    userId: string,
    query: ListSigningKeysQueryDto,
  ): Promise<Page<SigningKeyResponseDto>> {
    if (!(await userExists(this.dataSource.manager, userId))) {
      throw new UsersException(UsersErrorCode.UserNotFound, `There is no user with id ${userId}.`);
    }
    return this.listOf(userId, query);
  }

  async getByFingerprint(_actor: Actor, fingerprint: string): Promise<SigningKeyResponseDto> {
    const normalised = fingerprint.toLowerCase();
    const key = /^[0-9a-f]{64}$/.test(normalised)
      ? await this.dataSource.getRepository(SigningKey).findOneBy({ fingerprint: normalised })
      : null;
    if (!key) throw keyNotFound(`fingerprint ${fingerprint}`);
    return toSigningKeyResponse(key);
  }

  /** Ends the key's use from now on; signatures made before stay valid (the bundle keeps `revokedAt`). */
  async revoke(actor: Actor, id: string, dto: RevokeSigningKeyDto): Promise<SigningKeyResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      // FOR UPDATE waits for signatures holding the key FOR SHARE (DocumentSigner) to commit.
      const key = await manager.findOne(SigningKey, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw keyNotFound(`id ${id}`);
      SigningKeyPolicy.assertMayRevoke(actor, key);
      if (key.revokedAt) {
        throw new SignaturesException(
          SignaturesErrorCode.KeyAlreadyRevoked,
          `This key was revoked on ${key.revokedAt.toISOString()}.`,
          { revokedAt: key.revokedAt.toISOString() },
        );
      }
      // The clock after the lock, rounded up to the next millisecond, so that every signature
      // committed before (signedAt ≤ its transaction's start) is strictly earlier than revokedAt.
      const [row] = (await manager.query(
        `SELECT date_trunc('milliseconds', clock_timestamp()) + interval '1 millisecond' AS at`,
      )) as { at: Date | string }[];
      key.revokedAt = new Date(row.at);
      key.revocationReason = dto.reason;
      await manager.update(
        SigningKey,
        { id: key.id },
        { revokedAt: key.revokedAt, revocationReason: key.revocationReason },
      );
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'signatures.key_revoked',
        subjectType: SIGNING_KEY_SUBJECT_TYPE,
        subjectId: key.id,
        payload: {
          userId: key.userId,
          fingerprint: key.fingerprint,
          revokedAt: key.revokedAt.toISOString(),
          reason: dto.reason,
        },
      });
      return toSigningKeyResponse(key);
    });
  }

  private listOf(userId: string, query: ListSigningKeysQueryDto): Promise<Page<SigningKeyResponseDto>> {
    const qb: SelectQueryBuilder<SigningKey> = this.dataSource
      .getRepository(SigningKey)
      .createQueryBuilder('key')
      .where('key.userId = :userId', { userId });
    if (query.revoked !== undefined) qb.andWhere(`key.revokedAt IS ${query.revoked ? 'NOT ' : ''}NULL`);
    return findPage(qb, query, SIGNING_KEY_SORT, toSigningKeyResponse);
  }
}
