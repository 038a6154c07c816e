import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not, IsNull, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import {
  DocumentSigner,
  type SignedBundle,
  SignedBundles,
  signingTime,
  type SignDocumentDto,
  signableDocument,
} from '../signatures';
import { unitRefs } from '../registry';
import type { PledgeResponseDto } from './dto/pledges.dto';
import type { PledgeSealSignableDocumentDto } from './dto/pledge-documents.dto';
import { countersignCapacity } from './pledge-countersigner';
import { pledgeSealDocument, type PledgeSealDocument } from './pledge-documents';
import type { Pledge } from './pledge.entity';
import { assertCycleOpen, cycleOrThrow } from '../cycles';
import {
  assertCurrentVersion,
  PLEDGE_WORK_OF_THE_CYCLE,
  assertNotSealed,
  findPledge,
  referenced,
  storedDocument,
} from './pledge-scope';
import { describePledge } from './pledge-views';
import { PLEDGE_SUBJECT_TYPE } from './pledge.workflows';
import { PledgesErrorCode, PledgesException } from './pledges.exception';
import { UnitPledge } from './unit-pledge.entity';

/**
 * Sealing: once every current member unit has signed the current version, the countersigner
 * named by the rules (the cluster leader unit's head, or the secretariat) signs the seal — a
 * document listing the digest of every unit's signed pledge — and the version becomes read-only.
 * Also the offline-verifiable bundle of a version.
 */
@Injectable()
export class PledgeSealService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signer: DocumentSigner,
    private readonly bundles: SignedBundles,
  ) {}

  async sealDocument(_actor: Actor, id: string): Promise<PledgeSealSignableDocumentDto> {
    const manager = this.dataSource.manager;
    const pledge = await findPledge(manager, id);
    if (pledge.sealDocumentId) {
      const stored = await storedDocument(manager, pledge.sealDocumentId);
      return signableDocument(manager, 'pledge_seal', pledge.id, { stored });
    }
    const content = await this.completeSealDocument(manager, pledge);
    return signableDocument(manager, 'pledge_seal', pledge.id, { content });
  }

  async seal(actor: Actor, id: string, dto: SignDocumentDto): Promise<PledgeResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      // The pledge row lock keeps signatures and edits of this version out until the seal commits.
      const pledge = await findPledge(manager, id, 'update');
      await assertCurrentVersion(manager, pledge);
      assertNotSealed(pledge);
      const cycle = await cycleOrThrow(manager, pledge.cycleId);
      assertCycleOpen(cycle, PLEDGE_WORK_OF_THE_CYCLE);
      const signedAt = await signingTime(manager);
      const capacity = await countersignCapacity(manager, actor.userId, pledge, cycle, signedAt);
      const content = await this.completeSealDocument(manager, pledge);
      const sealDigest = this.signer.document(content).digest;
      const { document } = await this.signer.sign(manager, {
        signerId: actor.userId,
        kind: 'pledge_seal',
        subjectId: pledge.id,
        content,
        expectedDigest: dto.digest,
        signingKeyId: dto.signingKeyId,
        signature: dto.signature,
        capacity,
        signedAt,
        ledger: {
          action: 'pledges.sealed',
          subjectType: PLEDGE_SUBJECT_TYPE,
          subjectId: pledge.id,
          payload: {
            cycleId: pledge.cycleId,
            version: pledge.number,
            sealDigest,
            unitDigests: content.references.map(({ unitId, unitCode, digest }) => ({ unitId, unitCode, digest })),
          },
        },
      });
      pledge.status = 'sealed';
      pledge.sealDocumentId = document.id;
      pledge.sealedAt = signedAt;
      await manager.save(pledge);
      return describePledge(manager, pledge, pledge.id);
    });
  }

  /** The version's signed documents (each unit's, then the seal) with everything needed to check them offline. */
  async bundle(_actor: Actor, id: string): Promise<SignedBundle> {
    const manager = this.dataSource.manager;
    const pledge = await findPledge(manager, id);
    const signed = await manager.find(UnitPledge, { where: { pledgeId: pledge.id, signedDocumentId: Not(IsNull()) } });
    const unitOf = await unitRefs(
      manager,
      signed.map((unitPledge) => unitPledge.unitId),
    );
    const codeOf = (unitPledge: UnitPledge) => referenced(unitOf.get(unitPledge.unitId), 'unit').code;
    signed.sort((a, b) => (codeOf(a) < codeOf(b) ? -1 : codeOf(a) > codeOf(b) ? 1 : 0));
    const documentIds = signed.map((unitPledge) => unitPledge.signedDocumentId!);
    if (pledge.sealDocumentId) documentIds.push(pledge.sealDocumentId);
    if (documentIds.length === 0) {
      throw new PledgesException(
        PledgesErrorCode.NothingSigned,
        `No unit has signed version ${pledge.number} yet: there is nothing to verify.`,
      );
    }
    return this.bundles.build(
      manager,
      { type: PLEDGE_SUBJECT_TYPE, id: pledge.id },
      documentIds,
      pledge.sealDocumentId,
    );
  }

  /** The seal document, refused while a current member unit has not signed. */
  private async completeSealDocument(manager: EntityManager, pledge: Pledge): Promise<PledgeSealDocument> {
    const { document, missing } = await pledgeSealDocument(manager, pledge);
    if (missing.length > 0) {
      throw new PledgesException(
        PledgesErrorCode.UnitsUnsigned,
        `Not yet signed by: ${missing.map((unit) => unit.name).join(', ')}.`,
        { missingUnits: missing },
      );
    }
    return document;
  }
}
