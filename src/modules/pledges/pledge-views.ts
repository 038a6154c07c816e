import type { EntityManager } from 'typeorm';
import { ApprovalsService, toApprovalSummary } from '../approvals';
import { unitRefs } from '../registry';
import { toPledgeResponse, type PledgeResponseDto } from './dto/pledges.dto';
import { toUnitPledgeResponse, type UnitPledgeResponseDto } from './dto/unit-pledges.dto';
import { targetsOf } from './pledge-documents';
import type { Pledge } from './pledge.entity';
import { currentPledgeOf, referenced, unitOfPart } from './pledge-scope';
import { UNIT_PLEDGE_SUBJECT_TYPE } from './pledge.workflows';
import { signaturesOfDocuments } from '../signatures';
import { UnitPledge } from './unit-pledge.entity';

/** A pledge version with its units' statuses and signatures, and its seal. */
export async function describePledge(
  manager: EntityManager,
  pledge: Pledge,
  currentId?: string,
): Promise<PledgeResponseDto> {
  const current = currentId ?? (await currentPledgeOf(manager, pledge.cycleId))?.id;
  const unitPledges = await manager.find(UnitPledge, { where: { pledgeId: pledge.id } });
  const unitOf = await unitRefs(
    manager,
    unitPledges.map((unitPledge) => unitPledge.unitId),
  );
  const units = unitPledges
    .map((unitPledge) => ({ unitPledge, unit: referenced(unitOf.get(unitPledge.unitId), 'unit') }))
    .sort((a, b) => (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : 0));
  const documentIds = [pledge.sealDocumentId, ...unitPledges.map((u) => u.signedDocumentId)].filter(
    (id): id is string => id !== null,
  );
  return toPledgeResponse({
    pledge,
    current: current === pledge.id,
    units,
    signatures: await signaturesOfDocuments(manager, documentIds),
  });
}

/** A unit's part of a pledge version, with its targets, approval request and signature. */
export async function describeUnitPledge(
  manager: EntityManager,
  approvals: ApprovalsService,
  unitPledge: UnitPledge,
  pledge: Pledge,
): Promise<UnitPledgeResponseDto> {
  const current = await currentPledgeOf(manager, pledge.cycleId);
  const unit = await unitOfPart(manager, unitPledge.unitId);
  const signatures = unitPledge.signedDocumentId
    ? await signaturesOfDocuments(manager, [unitPledge.signedDocumentId])
    : null;
  return toUnitPledgeResponse({
    unitPledge,
    pledge,
    current: current?.id === pledge.id,
    unit,
    targets: await targetsOf(manager, unitPledge.id),
    approval: toApprovalSummary(await approvals.findForSubject(manager, UNIT_PLEDGE_SUBJECT_TYPE, unitPledge.id)),
    signature: signatures?.get(unitPledge.signedDocumentId!)?.[0] ?? null,
  });
}
