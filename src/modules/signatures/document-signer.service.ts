import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { LedgerService, type LedgerAction } from '../ledger';
import { canonicalDocument, type CanonicalDocument } from './canonical-document';
import { DocumentSignature } from './document-signature.entity';
import { decodeSignature, verifySignature } from './signature-crypto';
import { SignedDocument, type SignedDocumentKind } from './signed-document.entity';
import type { SignerCapacity } from './signer-capacity';
import { SigningKey } from './signing-key.entity';
import { SignaturesErrorCode, SignaturesException } from './signatures.exception';

export interface SignDocumentRequest {
  signerId: string;
  kind: SignedDocumentKind;
  subjectId: string;
  /** The document as the owning module builds it NOW, inside the signing transaction. */
  content: unknown;
  /** The digest the signer fetched and signed: refused when the document has changed since. */
  expectedDigest: string;
  signingKeyId: string;
  /** Base64 of the signature over the canonical bytes. */
  signature: string;
  /** Resolved by the owning module's policy at `signedAt` (see signer-capacity.ts). */
  capacity: SignerCapacity;
  signedAt: Date;
  /** The ledger entry that records the signature: `<module>.<verb>` and its subject. */
  ledger: { action: LedgerAction; subjectType: string; subjectId: string; payload?: Record<string, unknown> };
}

export interface SignedResult {
  document: SignedDocument;
  signature: DocumentSignature;
  key: SigningKey;
}

/**
 * The one signing mechanism of the service (pledges, counting records, handover records): checks
 * a detached signature over a document's canonical bytes against the signer's registered key and
 * stores document, signature and ledger entry in the caller's transaction. Whether the signer may
 * sign (the capacity) is the owning module's policy; this service records what it was told.
 */
@Injectable()
export class DocumentSigner {
  constructor(private readonly ledger: LedgerService) {}

  document(content: unknown): CanonicalDocument {
    return canonicalDocument(content);
  }

  async sign(manager: EntityManager, request: SignDocumentRequest): Promise<SignedResult> {
    const { canonical, digest } = canonicalDocument(request.content);
    if (digest !== request.expectedDigest.toLowerCase()) {
      throw new SignaturesException(
        SignaturesErrorCode.DocumentChanged,
        `The document's digest is now ${digest}, not ${request.expectedDigest}: fetch it again, check it, and sign the new bytes.`,
        { currentDigest: digest },
      );
    }
    const key = await this.lockUsableKey(manager, request.signerId, request.signingKeyId);
    const bytes = decodeSignature(key.algorithm, request.signature);
    if (!verifySignature(key.algorithm, key.publicKeyPem, Buffer.from(canonical, 'utf8'), bytes)) {
      throw new SignaturesException(
        SignaturesErrorCode.SignatureInvalid,
        `Sign the exact canonical bytes (digest ${digest}) with the private key of ${key.fingerprint}.`,
      );
    }

    await manager
      .createQueryBuilder()
      .insert()
      .into(SignedDocument)
      .values({ kind: request.kind, subjectId: request.subjectId, canonical, digest })
      .orIgnore()
      .execute();
    const document = await manager.findOneByOrFail(SignedDocument, {
      kind: request.kind,
      subjectId: request.subjectId,
      digest,
    });
    if (await manager.existsBy(DocumentSignature, { documentId: document.id, signerId: request.signerId })) {
      throw SignaturesException.alreadySigned();
    }

    const signatureId = randomUUID();
    const entry = await this.ledger.append(manager, {
      actorId: request.signerId,
      action: request.ledger.action,
      subjectType: request.ledger.subjectType,
      subjectId: request.ledger.subjectId,
      payload: {
        ...request.ledger.payload,
        signatureId,
        documentId: document.id,
        documentKind: request.kind,
        digest,
        keyFingerprint: key.fingerprint,
        algorithm: key.algorithm,
        signature: request.signature,
        capacity: request.capacity.capacity,
        unitId: request.capacity.unitId,
        mandateId: request.capacity.mandateId,
        delegationId: request.capacity.delegationId,
        signedAt: request.signedAt.toISOString(),
      },
    });
    const signature = await manager.save(
      manager.create(DocumentSignature, {
        id: signatureId,
        documentId: document.id,
        signerId: request.signerId,
        signingKeyId: key.id,
        capacity: request.capacity.capacity,
        unitId: request.capacity.unitId,
        mandateId: request.capacity.mandateId,
        delegationId: request.capacity.delegationId,
        signature: request.signature,
        signedAt: request.signedAt,
        ledgerSeq: entry.seq,
      }),
    );
    return { document, signature, key };
  }

  /** The key, locked against a revocation racing this signature; refused when not the signer's or revoked. */
  private async lockUsableKey(manager: EntityManager, signerId: string, keyId: string): Promise<SigningKey> {
    const key = await manager
      .getRepository(SigningKey)
      .createQueryBuilder('k')
      .setLock('pessimistic_read')
      .where('k.id = :keyId', { keyId })
      .getOne();
    if (!key)
      throw new SignaturesException(SignaturesErrorCode.KeyNotFound, `There is no signing key with id ${keyId}.`);
    if (key.userId !== signerId) {
      throw new SignaturesException(
        SignaturesErrorCode.KeyNotYours,
        'Sign with one of the keys registered on your own account (GET /api/v1/me/signing-keys).',
      );
    }
    if (key.revokedAt) {
      throw new SignaturesException(
        SignaturesErrorCode.KeyRevoked,
        `This key was revoked on ${key.revokedAt.toISOString()}; register a new key and sign with it.`,
        { revokedAt: key.revokedAt.toISOString() },
      );
    }
    return key;
  }
}
