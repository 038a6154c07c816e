import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { assertVersion, type IfMatch } from '../../common/versioning/version-precondition';
import { findPage, type Page } from '../../common/pagination/pagination';
import {
  ApprovalsService,
  approvalSummariesOf,
  toApprovalSummary,
  WorkflowRegistry,
  type ApprovalActFacts,
  type ApprovalRequestFacts,
} from '../approvals';
import { CycleGates, cycleOrThrow, lockOpenCycle, type CycleFacts } from '../cycles';
import { LedgerService } from '../ledger';
import { unitRefs, type UnitRef } from '../registry';
import {
  RESULTS_REPORT_SORT,
  toResultsReportResponse,
  type CorrectResultsReportDto,
  type CreateResultsReportDto,
  type ListResultsReportsQueryDto,
  type ResultsReportResponseDto,
  type UpdateResultsReportDto,
} from './dto/results-reports.dto';
import { assertCurrentMember, REPORTS_OF_THE_CYCLE } from './report-cycle';
import { ReportsErrorCode, ReportsException } from './reports.exception';
import { reportsApprovedGate } from './reports-approved.gate';
import { FIGURE_FIELDS, pickFigures } from './results-figures';
import { ResultsReport, type ResultsReportStatus } from './results-report.entity';
import { ResultsReportPolicy } from './results-report.policy';
import {
  RESULTS_REPORT_SUBJECT_TYPE,
  RESULTS_REPORT_WORKFLOW,
  RESULTS_REPORT_WORKFLOW_KEY,
} from './results-report.workflow';

const EDITABLE = [...FIGURE_FIELDS, 'notes'] as const;

function trimNotes(notes: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(notes ?? {}).map(([field, note]) => [field, note.trim()]));
}

/** The unit a report is for (its foreign key guarantees it). */
async function unitOf(manager: EntityManager, unitId: string): Promise<UnitRef> {
  return (await unitRefs(manager, [unitId])).get(unitId)!;
}

/**
 * Results reports: drafting, editing and correcting versions here; submitting, approving and
 * returning through the approval engine, whose state this module mirrors in `status`.
 */
@Injectable()
export class ReportsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly approvals: ApprovalsService,
    private readonly workflows: WorkflowRegistry,
    private readonly gates: CycleGates,
  ) {}

  onModuleInit(): void {
    this.workflows.register({
      ...RESULTS_REPORT_WORKFLOW,
      onStateEntered: (manager, request, act) => this.onStateEntered(manager, request, act),
    });
    this.gates.register(reportsApprovedGate());
  }

  async create(actor: Actor, cycleId: string, dto: CreateResultsReportDto): Promise<ResultsReportResponseDto> {
    ResultsReportPolicy.assertMayDraft(actor, dto.unitId);
    return this.dataSource.transaction(async (manager) => {
      const cycle = await lockOpenCycle(manager, cycleId, REPORTS_OF_THE_CYCLE);
      await assertCurrentMember(manager, cycle, dto.unitId);
      const versions = await this.versionsOf(manager, cycle.id, dto.unitId);
      if (versions.some((version) => version.status !== 'approved')) throw ReportsException.inProgress();
      // After an approved version, a new report is its correction (the latest approved one).
      return this.openVersion(manager, actor, cycle, dto.unitId, dto, versions[0] ?? null);
    });
  }

  /** A new version of an approved report, through the workflow again; the approved one stays as it is. */
  async correct(actor: Actor, id: string, dto: CorrectResultsReportDto): Promise<ResultsReportResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const approved = await manager.findOne(ResultsReport, { where: { id } });
      if (!approved) throw ReportsException.reportNotFound(id);
      ResultsReportPolicy.assertMayDraft(actor, approved.unitId);
      if (approved.status !== 'approved') {
        throw new ReportsException(
          ReportsErrorCode.CorrectionRequiresApproved,
          `This version is ${approved.status}: change it (PATCH) or have it approved instead of correcting it.`,
          { status: approved.status },
        );
      }
      const cycle = await lockOpenCycle(manager, approved.cycleId, REPORTS_OF_THE_CYCLE);
      await assertCurrentMember(manager, cycle, approved.unitId);
      const versions = await this.versionsOf(manager, cycle.id, approved.unitId);
      if (versions.some((version) => version.status !== 'approved')) throw ReportsException.inProgress();
      if (versions[0].id !== approved.id) {
        throw new ReportsException(
          ReportsErrorCode.ReportSuperseded,
          `Version ${versions[0].number} replaced this one; correct that version instead.`,
          { latestReportId: versions[0].id },
        );
      }
      return this.openVersion(manager, actor, cycle, approved.unitId, dto, approved);
    });
  }

  async update(
    actor: Actor,
    id: string,
    dto: UpdateResultsReportDto,
    ifMatch?: IfMatch,
  ): Promise<ResultsReportResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const report = await manager.findOne(ResultsReport, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!report) throw ReportsException.reportNotFound(id);
      ResultsReportPolicy.assertMayDraft(actor, report.unitId);
      await lockOpenCycle(manager, report.cycleId, REPORTS_OF_THE_CYCLE);
      if (report.status !== 'draft') {
        throw new ReportsException(
          ReportsErrorCode.ReportNotDraft,
          report.status === 'approved'
            ? 'This version is approved and read-only; send a correction (POST /reports/{id}/corrections).'
            : 'This version is submitted; the head may return it to you for changes.',
          { status: report.status },
        );
      }
      assertVersion('results_report', report.version, { expectedVersion: dto.expectedVersion, ifMatch });
      const next = { ...dto, notes: dto.notes === undefined ? undefined : trimNotes(dto.notes) };
      const changed = EDITABLE.filter(
        (field) => next[field] !== undefined && JSON.stringify(next[field]) !== JSON.stringify(report[field]),
      );
      if (changed.length > 0) {
        Object.assign(report, Object.fromEntries(changed.map((field) => [field, next[field]])));
        await manager.save(report);
        await this.ledger.append(manager, {
          actorId: actor.userId,
          action: 'reports.report_updated',
          subjectType: RESULTS_REPORT_SUBJECT_TYPE,
          subjectId: report.id,
          payload: { changed, number: report.number, figures: pickFigures(report), notes: report.notes },
        });
      }
      return this.respond(manager, report);
    });
  }

  async get(actor: Actor, id: string): Promise<ResultsReportResponseDto> {
    const manager = this.dataSource.manager;
    const report = await manager.findOne(ResultsReport, { where: { id } });
    if (!report) throw ReportsException.reportNotFound(id);
    const cycle = await cycleOrThrow(manager, report.cycleId);
    ResultsReportPolicy.assertMaySee(actor, { ...report, clusterId: cycle.clusterId });
    return this.respond(manager, report);
  }

  /** The versions the caller may see: approved ones, plus their own units' (all for the secretariat and admins). */
  async list(
    actor: Actor,
    cycleId: string,
    query: ListResultsReportsQueryDto,
  ): Promise<Page<ResultsReportResponseDto>> {
    const manager = this.dataSource.manager;
    const cycle = await cycleOrThrow(manager, cycleId);
    const qb = manager
      .getRepository(ResultsReport)
      .createQueryBuilder('report')
      .where('report.cycleId = :cycleId', { cycleId });
    if (query.unitId) qb.andWhere('report.unitId = :unitId', { unitId: query.unitId });
    if (query.status) qb.andWhere('report.status = :status', { status: query.status });
    if (!ResultsReportPolicy.seesAllOfCluster(actor, cycle.clusterId)) {
      const unitIds = ResultsReportPolicy.ownUnitIds(actor);
      qb.andWhere(
        unitIds.length > 0
          ? "(report.status = 'approved' OR report.unitId IN (:...unitIds))"
          : "report.status = 'approved'",
        { unitIds },
      );
    }
    const page = await findPage(qb, query, RESULTS_REPORT_SORT, (report) => report);
    const units = await unitRefs(
      manager,
      page.items.map((report) => report.unitId),
    );
    const approvals = await approvalSummariesOf(
      manager,
      RESULTS_REPORT_SUBJECT_TYPE,
      page.items.map((report) => report.id),
    );
    return {
      ...page,
      items: page.items.map((r) => toResultsReportResponse(r, units.get(r.unitId)!, approvals.get(r.id) ?? null)),
    };
  }

  /**
   * Called by the approval engine, in the act's transaction, when the report's request enters a
   * state: the report's status follows; approval stamps `approved_at` and goes to the ledger.
   */
  private async onStateEntered(
    manager: EntityManager,
    request: ApprovalRequestFacts,
    act: ApprovalActFacts,
  ): Promise<void> {
    const state = request.state as ResultsReportStatus;
    const report = await manager.findOne(ResultsReport, {
      where: { id: request.subjectId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!report) throw ReportsException.reportNotFound(request.subjectId);
    if (report.status === state) return;
    if (state !== 'draft') await lockOpenCycle(manager, report.cycleId, REPORTS_OF_THE_CYCLE);
    report.status = state;
    if (state === 'approved') report.approvedAt = new Date();
    await manager.save(report);
    if (state === 'approved') {
      await this.ledger.append(manager, {
        actorId: act.actorId,
        action: 'reports.report_approved',
        subjectType: RESULTS_REPORT_SUBJECT_TYPE,
        subjectId: report.id,
        payload: {
          cycleId: report.cycleId,
          unitId: report.unitId,
          number: report.number,
          supersedesId: report.supersedesId,
          approvalRequestId: request.id,
          approvedAt: report.approvedAt!.toISOString(),
          figures: pickFigures(report),
        },
      });
    }
  }

  private async openVersion(
    manager: EntityManager,
    actor: Actor,
    cycle: CycleFacts,
    unitId: string,
    dto: CorrectResultsReportDto,
    supersedes: ResultsReport | null,
  ): Promise<ResultsReportResponseDto> {
    const report = await manager.save(
      manager.create(ResultsReport, {
        cycleId: cycle.id,
        unitId,
        number: (supersedes?.number ?? 0) + 1,
        status: 'draft',
        ...pickFigures(dto),
        notes: trimNotes(dto.notes),
        supersedesId: supersedes?.id ?? null,
        draftedBy: actor.userId,
        approvedAt: null,
      }),
    );
    const request = await this.approvals.open(manager, {
      workflowKey: RESULTS_REPORT_WORKFLOW_KEY,
      subjectId: report.id,
      clusterId: cycle.clusterId,
      unitId,
      draftedBy: actor.userId,
    });
    await this.ledger.append(manager, {
      actorId: actor.userId,
      action: 'reports.report_drafted',
      subjectType: RESULTS_REPORT_SUBJECT_TYPE,
      subjectId: report.id,
      payload: {
        cycleId: cycle.id,
        unitId,
        number: report.number,
        supersedesId: report.supersedesId,
        approvalRequestId: request.id,
        figures: pickFigures(report),
        notes: report.notes,
      },
    });
    return toResultsReportResponse(report, await unitOf(manager, unitId), toApprovalSummary(request));
  }

  /** A unit's versions for a cycle, newest first, locked so two corrections do not both start. */
  private versionsOf(manager: EntityManager, cycleId: string, unitId: string): Promise<ResultsReport[]> {
    return manager.find(ResultsReport, {
      where: { cycleId, unitId },
      order: { number: 'DESC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private async respond(manager: EntityManager, report: ResultsReport): Promise<ResultsReportResponseDto> {
    const request = await this.approvals.findForSubject(manager, RESULTS_REPORT_SUBJECT_TYPE, report.id);
    return toResultsReportResponse(report, await unitOf(manager, report.unitId), toApprovalSummary(request));
  }
}
