import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { unitRefs } from '../registry';
import {
  type DocumentSigner,
  signingTime,
  unitHeadCapacity,
  SignaturesErrorCode,
  SignaturesException,
  type SignDocumentDto,
} from '../signatures';
import { lockFlag, openPeriod } from './flag-custody';
import { HANDOVER_DOCUMENT_KIND, handoverRecord } from './flag-handover-document';
import { FlagHandover, type HandoverStatus } from './flag-handover.entity';
import { FlagsErrorCode, FlagsException } from './flags.exception';

// The steps that sign or cancel a handover: the status each needs, the lock, and the signing itself.

/** The ledger's subject type for handovers. */
export const HANDOVER_SUBJECT_TYPE = 'flag_handover';

/** What each confirmation needs the handover to be in, and the error for every other status. */
const REFUSED: Record<'release' | 'receipt' | 'cancel', Partial<Record<HandoverStatus, () => FlagsException>>> = {
  release: {
    released: () =>
      new FlagsException(FlagsErrorCode.HandoverAlreadyReleased, 'The outgoing head has already released the flag.'),
    completed: () => completed(),
    cancelled: () => cancelled(),
  },
  receipt: {
    opened: () =>
      new FlagsException(
        FlagsErrorCode.HandoverNotReleased,
        "Receipt comes second: the outgoing custodian's head signs the release first.",
      ),
    completed: () => completed(),
    cancelled: () => cancelled(),
  },
  cancel: { completed: () => completed(), cancelled: () => cancelled() },
};
const completed = () =>
  new FlagsException(FlagsErrorCode.HandoverCompleted, 'The flag has been received; the handover is final.');
const cancelled = () =>
  new FlagsException(
    FlagsErrorCode.HandoverCancelled,
    'This handover was cancelled; the secretariat may open another.',
  );

export async function findHandover(manager: EntityManager, id: string): Promise<FlagHandover> {
  const handover = await manager.findOne(FlagHandover, { where: { id } });
  if (!handover) throw FlagsException.handoverNotFound(id);
  return handover;
}

/** Locks the flag, then reads the handover and the open period; refuses a step its status does not allow. */
export async function lockForStep(
  manager: EntityManager,
  id: string,
  step: 'release' | 'receipt' | 'cancel',
  authorise?: (clusterId: string) => void,
) {
  const { flagId } = await findHandover(manager, id);
  const flag = await lockFlag(manager, flagId);
  authorise?.(flag.clusterId);
  const handover = await manager.findOneOrFail(FlagHandover, { where: { id }, lock: { mode: 'pessimistic_write' } });
  const refusal = REFUSED[step][handover.status];
  if (refusal) throw refusal();
  return { flag, handover, current: await openPeriod(manager, flagId) };
}

/** Checks who signs (the unit's head at this moment) and records the signature with its ledger entry. */
export async function signStep(
  signer: DocumentSigner,
  manager: EntityManager,
  actor: Actor,
  handover: FlagHandover,
  dto: SignDocumentDto,
  step: 'release' | 'receipt',
  custody: Record<string, unknown>,
): Promise<{ documentId: string; signatureId: string }> {
  const unitId = step === 'release' ? handover.fromUnitId : handover.toUnitId;
  const signedAt = await signingTime(manager);
  const capacityName = step === 'release' ? 'outgoing_custodian_head' : 'incoming_leader_head';
  const capacity = await unitHeadCapacity(manager, actor.userId, unitId, signedAt, capacityName);
  if (!capacity) {
    const unit = (await unitRefs(manager, [unitId])).get(unitId)!;
    throw new SignaturesException(
      SignaturesErrorCode.CapacityMissing,
      step === 'release'
        ? `The release is signed by the head of ${unit.name}, the unit that holds the flag (or a person they delegated).`
        : `The receipt is signed by the head of ${unit.name}, the elected leader unit (or a person they delegated).`,
      { unitId, capacity: capacityName },
    );
  }
  const { document, signature } = await signer.sign(manager, {
    signerId: actor.userId,
    kind: HANDOVER_DOCUMENT_KIND,
    subjectId: handover.id,
    content: await handoverRecord(manager, handover),
    expectedDigest: dto.digest,
    signingKeyId: dto.signingKeyId,
    signature: dto.signature,
    capacity,
    signedAt,
    ledger: {
      action: step === 'release' ? 'flags.handover_released' : 'flags.handover_received',
      subjectType: HANDOVER_SUBJECT_TYPE,
      subjectId: handover.id,
      payload: {
        flagId: handover.flagId,
        cycleId: handover.cycleId,
        fromUnitId: handover.fromUnitId,
        toUnitId: handover.toUnitId,
        custody,
      },
    },
  });
  return { documentId: document.id, signatureId: signature.id };
}
