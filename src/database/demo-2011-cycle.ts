import type { EntityManager } from 'typeorm';
import { ApprovalAct } from '../modules/approvals/approval-act.entity';
import { ApprovalRequest } from '../modules/approvals/approval-request.entity';
import { ClusterLeadership } from '../modules/registry/cluster-leadership.entity';
import { CycleTransition } from '../modules/cycles/cycle-transition.entity';
import { Cycle } from '../modules/cycles/cycle.entity';
import { CYCLE_PHASES } from '../modules/cycles/cycle-phase';
import type { LedgerAction } from '../modules/ledger';
import type { LedgerService } from '../modules/ledger/ledger.service';
import { canonicalJson, sha256Hex } from '../modules/ledger/ledger-hash';
import { demo2011ResultsFigures } from '../modules/reports/demo-2011-reports';
import { ResultsReport } from '../modules/reports/results-report.entity';
import { RESULTS_REPORT_WORKFLOW_KEY } from '../modules/reports/results-report.workflow';
import type { Unit } from '../modules/registry/unit.entity';
import { RULES_ADOPTION_WORKFLOW_KEY, RULES_VERSION_SUBJECT_TYPE } from '../modules/rules/rules-adoption.workflow';
import { defaultRulesContent } from '../modules/rules/rules-defaults';
import { RulesVersion } from '../modules/rules/rules-version.entity';

/** Why Lạng Sơn is the 2011 leader in the demo data: an assumption, said where the record is read. */
export const DEMO_2011_LEADER_NOTE =
  'Giả định: nguồn (bài báo năm 2011) chỉ nêu hội nghị giao ban cụm ngày 21/11/2011 được tổ chức tại Lạng Sơn; ' +
  'việc Liên minh HTX tỉnh Lạng Sơn (đơn vị đăng cai) là cụm trưởng năm 2011 chưa được xác nhận.';

export interface Demo2011People {
  clusterId: string;
  secretariatId: string;
  units: { unit: Unit; officerId: string; headId: string }[];
}

/**
 * The 2011 cycle as it stood on the morning of the meeting (21 November 2011): reward rules
 * version 1 adopted by the heads and pinned, the year at `voting` (the meeting scores and votes), and each unit's approved
 * results report — whose sums are the source's totals — and Lạng Sơn recorded as the 2011 leader unit. The history (approval acts, phase moves)
 * is written directly, not through the services, and every step is in the ledger marked
 * `source: demo-data`.
 */
export async function loadDemo2011Cycle(
  manager: EntityManager,
  ledger: LedgerService,
  people: Demo2011People,
): Promise<void> {
  const record = (action: LedgerAction, subjectType: string, subjectId: string, payload: Record<string, unknown>) =>
    ledger.append(manager, {
      actorId: null,
      action,
      subjectType,
      subjectId,
      payload: { ...payload, source: 'demo-data' },
    });

  const content = defaultRulesContent();
  const rules = await manager.save(
    manager.create(RulesVersion, {
      clusterId: people.clusterId,
      number: 1,
      title: 'Quy chế khen thưởng Cụm thi đua Liên minh HTX các tỉnh biên giới phía Bắc',
      status: 'draft',
      replacesId: null,
      content,
      contentDigest: sha256Hex(canonicalJson(content)),
      createdBy: people.secretariatId,
      adoptedAt: null,
    }),
  );
  const heads = people.units.map(({ unit, headId }) => ({ userId: headId, countedFor: `unit:${unit.id}` }));
  await approvedThrough(manager, ledger, {
    workflowKey: RULES_ADOPTION_WORKFLOW_KEY,
    subjectType: RULES_VERSION_SUBJECT_TYPE,
    subjectId: rules.id,
    clusterId: people.clusterId,
    unitId: null,
    draftedBy: people.secretariatId,
    approvalsRequired: 5,
    acts: [
      {
        transition: 'propose',
        from: 'draft',
        to: 'proposed',
        actorId: people.secretariatId,
        countedFor: `user:${people.secretariatId}`,
      },
      ...heads.slice(0, 5).map((head, index) => ({
        transition: 'adopt',
        from: 'proposed',
        to: index === 4 ? 'adopted' : null,
        actorId: head.userId,
        countedFor: head.countedFor,
      })),
    ],
  });
  await manager.update(
    RulesVersion,
    { id: rules.id },
    { status: 'adopted', adoptedAt: new Date('2011-02-25T09:00:00+07:00') },
  );
  await record('rules.version_adopted', 'rules_version', rules.id, { number: 1, contentDigest: rules.contentDigest });

  const cycle = await manager.save(
    manager.create(Cycle, {
      clusterId: people.clusterId,
      year: 2011,
      phase: 'voting',
      deadlines: { pledge_signing: '2011-03-31', evaluation: '2011-11-21' },
      rulesVersionId: rules.id,
      openedBy: people.secretariatId,
    }),
  );
  await record('cycles.cycle_opened', 'cycle', cycle.id, { clusterId: people.clusterId, year: 2011 });
  await record('cycles.rules_pinned', 'cycle', cycle.id, {
    rulesVersionId: rules.id,
    contentDigest: rules.contentDigest,
  });
  await manager.insert(CycleTransition, {
    cycleId: cycle.id,
    kind: 'opened',
    fromPhase: null,
    toPhase: 'setup',
    reason: null,
    actorId: people.secretariatId,
  });
  const reached = CYCLE_PHASES.slice(1, CYCLE_PHASES.indexOf('voting') + 1);
  let from: Cycle['phase'] = 'setup';
  for (const to of reached) {
    await manager.insert(CycleTransition, {
      cycleId: cycle.id,
      kind: 'advanced',
      fromPhase: from,
      toPhase: to,
      reason: null,
      actorId: people.secretariatId,
    });
    await record('cycles.phase_advanced', 'cycle', cycle.id, { from, to });
    from = to;
  }

  // The source only says the 2011 meeting was held in Lạng Sơn; that the host led the cluster is our assumption.
  const langSon = people.units.find(({ unit }) => unit.code === 'lang-son')!.unit;
  const leadership = await manager.save(
    manager.create(ClusterLeadership, {
      clusterId: people.clusterId,
      unitId: langSon.id,
      role: 'leader',
      termYear: 2011,
      basis: 'recorded',
      pollId: null,
      note: DEMO_2011_LEADER_NOTE,
      recordedBy: null,
    }),
  );
  await record('registry.leadership_recorded', 'cluster_leadership', leadership.id, {
    clusterId: people.clusterId,
    unitId: langSon.id,
    role: 'leader',
    termYear: 2011,
    basis: 'recorded',
    note: DEMO_2011_LEADER_NOTE,
  });

  const figures = demo2011ResultsFigures();
  for (const { unit, officerId, headId } of people.units) {
    const report = await manager.save(
      manager.create(ResultsReport, {
        cycleId: cycle.id,
        unitId: unit.id,
        number: 1,
        status: 'draft',
        ...figures[unit.code],
        notes: {},
        supersedesId: null,
        draftedBy: officerId,
        approvedAt: null,
      }),
    );
    await approvedThrough(manager, ledger, {
      workflowKey: RESULTS_REPORT_WORKFLOW_KEY,
      subjectType: 'results_report',
      subjectId: report.id,
      clusterId: people.clusterId,
      unitId: unit.id,
      draftedBy: officerId,
      approvalsRequired: 1,
      acts: [
        { transition: 'submit', from: 'draft', to: 'submitted', actorId: officerId, countedFor: `user:${officerId}` },
        { transition: 'approve', from: 'submitted', to: 'approved', actorId: headId, countedFor: `user:${headId}` },
      ],
    });
    await manager.update(
      ResultsReport,
      { id: report.id },
      { status: 'approved', approvedAt: new Date('2011-11-10T09:00:00+07:00') },
    );
    await record('reports.report_approved', 'results_report', report.id, {
      unitId: unit.id,
      cycleId: cycle.id,
      ...figures[unit.code],
    });
  }
}

interface DemoApproval {
  workflowKey: string;
  subjectType: string;
  subjectId: string;
  clusterId: string;
  unitId: string | null;
  draftedBy: string;
  approvalsRequired: number;
  acts: { transition: string; from: string; to: string | null; actorId: string; countedFor: string }[];
}

/** An approval request that went all the way, with its acts, as the engine would have left it. */
async function approvedThrough(manager: EntityManager, ledger: LedgerService, approval: DemoApproval): Promise<void> {
  const finalState = [...approval.acts].reverse().find((act) => act.to)!.to!;
  const request = await manager.save(
    manager.create(ApprovalRequest, {
      workflowKey: approval.workflowKey,
      subjectType: approval.subjectType,
      subjectId: approval.subjectId,
      clusterId: approval.clusterId,
      unitId: approval.unitId,
      state: finalState,
      draftedBy: approval.draftedBy,
      round: 1,
      approvalsRequired: approval.approvalsRequired,
    }),
  );
  for (const act of approval.acts) {
    const saved = await manager.save(ApprovalAct, {
      requestId: request.id,
      round: 1,
      transition: act.transition,
      fromState: act.from,
      toState: act.to,
      actorId: act.actorId,
      mandateId: null,
      delegationId: null,
      countedFor: act.countedFor,
      comment: null,
    });
    await ledger.append(manager, {
      actorId: act.actorId,
      action: 'approvals.act_recorded',
      subjectType: 'approval_request',
      subjectId: request.id,
      payload: {
        workflow: approval.workflowKey,
        subjectType: approval.subjectType,
        subjectId: approval.subjectId,
        actId: saved.id,
        transition: act.transition,
        from: act.from,
        to: act.to,
        round: 1,
        countedFor: act.countedFor,
        source: 'demo-data',
      },
    });
  }
}
