import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import type { Permission } from '../../common/access/permission';
import { CertificationService } from '../elections';
import { FlagHandoversService } from '../flags';
import { PledgeSealService } from '../pledges';
import type { SignedBundle } from '../signatures';
import { VerificationException } from './verification.exception';

/** A final record: the signed document whose digest the PDF prints, and the record it closes. */
interface FinalRecord {
  kind: 'pledge_seal' | 'counting_record' | 'handover_record';
  ownerId: string;
}

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
   * The record whose closing document has this digest, if it is final (the owners' states, read once).
   * A read model across the three owners of final records and the signatures' documents: one indexed
   * lookup instead of three round trips through their front doors; read-only, and recorded on purpose
   * in scripts/table-owners-known.json (decision 036).
   */
  private async finalRecord(digest: string): Promise<FinalRecord | null> {
    const rows = (await this.dataSource.query(
      `SELECT 'pledge_seal' AS kind, p.id AS "ownerId"
         FROM signed_documents d JOIN pledges p ON p.seal_document_id = d.id AND p.status = 'sealed'
        WHERE d.digest = $1 AND d.kind = 'pledge_seal'
       UNION ALL
       SELECT 'counting_record', p.id
         FROM signed_documents d JOIN polls p ON p.counting_record_document_id = d.id AND p.status = 'certified'
        WHERE d.digest = $1 AND d.kind = 'counting_record'
       UNION ALL
       SELECT 'handover_record', h.id
         FROM signed_documents d JOIN flag_handovers h ON h.signed_document_id = d.id AND h.status = 'completed'
        WHERE d.digest = $1 AND d.kind = 'handover_record'
       LIMIT 1`,
      [digest],
    )) as FinalRecord[];
    return rows[0] ?? null;
  }
}
