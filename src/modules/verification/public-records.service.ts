import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import type { Permission } from '../../common/access/permission';
import { CertificationService, certifiedPollsOfCountingRecords } from '../elections';
import { completedHandoversOfDocuments, FlagHandoversService } from '../flags';
import { PledgeSealService, sealedPledgesOfSeals } from '../pledges';
import { documentsWithDigest, type SignedBundle } from '../signatures';
import { VerificationException } from './verification.exception';

/** A final record: the signed document whose digest the PDF prints, and the record it closes. */
interface FinalRecord {
  kind: 'pledge_seal' | 'counting_record' | 'handover_record';
  ownerId: string;
}

/** Each final kind's owner: which of these documents closes a record that is final (document id → record id). */
const FINAL_OWNERS: Record<
  FinalRecord['kind'],
  (manager: EntityManager, documentIds: readonly string[]) => Promise<Map<string, string>>
> = {
  pledge_seal: sealedPledgesOfSeals,
  counting_record: certifiedPollsOfCountingRecords,
  handover_record: completedHandoversOfDocuments,
};
/** In the order the answer prefers them. */
const FINAL_KINDS: readonly FinalRecord['kind'][] = ['pledge_seal', 'counting_record', 'handover_record'];

/**
 * Nobody signed in: the owners' bundle methods take an actor but decide nothing by it today; should
 * one start to, this reader holds no mandate and no permission, so it is refused, never let through.
 */
const PUBLIC_READER: Actor = Object.freeze({
  userId: '00000000-0000-0000-0000-000000000000',
  email: '',
  fullName: '',
  locale: 'vi',
  sessionId: '',
  mandates: [],
  permissions: new Set<Permission>(),
});

/**
 * The signed bundle of a FINAL record, found by the digest printed on its PDF, for anyone
 * (decision 036): a sealed pledge (the seal document), a certified counting record, a completed
 * flag handover. Anything else — a unit's part of a pledge not yet sealed, a record still being
 * signed, a cancelled handover, an unknown digest — is answered as not found, alike.
 */
@Injectable()
export class PublicRecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pledges: PledgeSealService,
    private readonly certification: CertificationService,
    private readonly handovers: FlagHandoversService,
  ) {}

  async bundle(digest: string): Promise<SignedBundle> {
    if (!/^[0-9a-fA-F]{64}$/.test(digest)) throw VerificationException.digestInvalid();
    const record = await this.finalRecord(digest.toLowerCase());
    if (!record) throw VerificationException.recordNotFound(digest);
    switch (record.kind) {
      case 'pledge_seal':
        return this.pledges.bundle(PUBLIC_READER, record.ownerId);
      case 'counting_record':
        return this.certification.bundle(PUBLIC_READER, record.ownerId);
      case 'handover_record':
        return this.handovers.bundle(PUBLIC_READER, record.ownerId);
    }
  }

  /**
   * The record whose closing document has this digest, if it is final: the signatures' documents
   * with that digest, then each kind's owner says whether the record it closes is final (sealed,
   * certified, completed) — pledges first, then counting records, then handovers.
   */
  private async finalRecord(digest: string): Promise<FinalRecord | null> {
    const manager = this.dataSource.manager;
    const documents = await documentsWithDigest(manager, digest, FINAL_KINDS);
    for (const kind of FINAL_KINDS) {
      const ids = documents.filter((document) => document.kind === kind).map((document) => document.id);
      if (ids.length === 0) continue;
      const found = await FINAL_OWNERS[kind](manager, ids);
      const ownerId = ids.map((id) => found.get(id)).find((id) => id !== undefined);
      if (ownerId) return { kind, ownerId };
    }
    return null;
  }
}
