import type { EntityManager } from 'typeorm';
import { findCycle } from '../cycles';
import { sha256Hex } from '../ledger';
import { clusterRef, currentMemberUnits } from '../registry';
import { findRulesVersion } from '../rules';
import { PledgeTarget } from './pledge-target.entity';
import type { Pledge } from './pledge.entity';
import { referenced, storedDocument, unitOfPart } from './pledge-scope';
import { UnitPledge } from './unit-pledge.entity';

/**
 * The documents people sign, as plain JSON that DocumentSigner encodes with RFC 8785 (JCS).
 * Their shape is a published format (docs/pledges.md): change it only with a new formatVersion.
 */
export const UNIT_PLEDGE_DOCUMENT_TYPE = 'thidua.unit-pledge';
export const PLEDGE_SEAL_DOCUMENT_TYPE = 'thidua.pledge-seal';

interface Named {
  id: string;
  code: string;
  name: string;
}

export interface DocumentTarget {
  position: number;
  indicator: string;
  unitOfMeasure: string;
  targetValue: string;
  baseline: string | null;
}

/** Cluster, cycle and rules version of a pledge version: the frame both documents share. */
interface PledgeFrame {
  cluster: Named;
  cycle: { id: string; year: number };
  rulesVersion: { id: string; number: number };
  pledge: { id: string; version: number };
}

export interface UnitPledgeDocument extends PledgeFrame {
  type: typeof UNIT_PLEDGE_DOCUMENT_TYPE;
  formatVersion: 1;
  sharedText: string;
  unit: Named;
  targets: DocumentTarget[];
}

export interface SealReference {
  kind: 'unit_pledge';
  unitId: string;
  unitCode: string;
  digest: string;
}

export interface PledgeSealDocument extends PledgeFrame {
  type: typeof PLEDGE_SEAL_DOCUMENT_TYPE;
  formatVersion: 1;
  sharedTextDigest: string;
  references: SealReference[];
}

const named = ({ id, code, name }: Named): Named => ({ id, code, name });

async function frameOf(manager: EntityManager, pledge: Pledge): Promise<PledgeFrame> {
  const cluster = referenced(await clusterRef(manager, pledge.clusterId), 'cluster');
  const cycle = referenced(await findCycle(manager, pledge.cycleId), 'cycle');
  const rules = referenced(await findRulesVersion(manager, pledge.rulesVersionId), 'rules version');
  return {
    cluster: named(cluster),
    cycle: { id: cycle.id, year: cycle.year },
    rulesVersion: { id: rules.id, number: rules.number },
    pledge: { id: pledge.id, version: pledge.number },
  };
}

export function targetsOf(manager: EntityManager, unitPledgeId: string): Promise<PledgeTarget[]> {
  return manager.find(PledgeTarget, { where: { unitPledgeId }, order: { position: 'ASC' } });
}

/** The unit's pledge as it stands now: what its head signs. */
export async function unitPledgeDocument(
  manager: EntityManager,
  pledge: Pledge,
  unitPledge: UnitPledge,
): Promise<UnitPledgeDocument> {
  const unit = await unitOfPart(manager, unitPledge.unitId);
  const targets = await targetsOf(manager, unitPledge.id);
  return {
    type: UNIT_PLEDGE_DOCUMENT_TYPE,
    formatVersion: 1,
    ...(await frameOf(manager, pledge)),
    sharedText: pledge.sharedText,
    unit: named(unit),
    targets: targets.map((target) => ({
      position: target.position,
      indicator: target.indicator,
      unitOfMeasure: target.unitOfMeasure,
      targetValue: target.targetValue,
      baseline: target.baseline,
    })),
  };
}

/**
 * The seal: the digest of every current member unit's signed pledge of this version, by unit
 * code, and of the shared text. `missing` names the member units that have not signed.
 */
export async function pledgeSealDocument(
  manager: EntityManager,
  pledge: Pledge,
): Promise<{ document: PledgeSealDocument; missing: Named[] }> {
  const members = await currentMemberUnits(manager, pledge.clusterId);
  const references: SealReference[] = [];
  const missing: Named[] = [];
  for (const { unitId, code, name } of members) {
    const unitPledge = await manager.findOneBy(UnitPledge, { pledgeId: pledge.id, unitId });
    if (!unitPledge?.signedDocumentId) {
      missing.push({ id: unitId, code, name });
      continue;
    }
    const signed = await storedDocument(manager, unitPledge.signedDocumentId);
    references.push({ kind: 'unit_pledge', unitId, unitCode: code, digest: signed.digest });
  }
  // By code point, not by the database's collation: the same order on every server.
  references.sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0));
  const document: PledgeSealDocument = {
    type: PLEDGE_SEAL_DOCUMENT_TYPE,
    formatVersion: 1,
    ...(await frameOf(manager, pledge)),
    sharedTextDigest: sha256Hex(Buffer.from(pledge.sharedText, 'utf8')),
    references,
  };
  return { document, missing };
}
