import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import type { PageQueryDto } from '../../common/pagination/page-query.dto';
import { findPage, type Page, type SortSpec } from '../../common/pagination/pagination';
import { assertVersion, type IfMatch } from '../../common/versioning/version-precondition';
import { ApprovalsService, toApprovalSummary, WorkflowRegistry } from '../approvals';
import { LedgerService } from '../ledger';
import {
  toProgressReportResponse,
  type CreateProgressReportDto,
  type ProgressReportResponseDto,
  type ProgressValueInputDto,
  type UpdateProgressReportDto,
} from './dto/progress.dto';
import { targetsOf } from './pledge-documents';
import { PledgeProgressReport, type ProgressReportStatus } from './pledge-progress-report.entity';
import { PledgeProgressValue } from './pledge-progress-value.entity';
import type { Pledge } from './pledge.entity';
import { PledgePolicy } from './pledge.policy';
import { lockOpenCycle } from '../cycles';
import { assertCurrentVersion, PLEDGE_WORK_OF_THE_CYCLE, findPledge, findUnitPledge, unitOfPart } from './pledge-scope';
import {
  PLEDGE_PROGRESS_WORKFLOW,
  PROGRESS_REPORT_SUBJECT_TYPE,
  type StateEnteredRequest,
  type StateEnteringAct,
} from './pledge.workflows';
import { PledgesErrorCode, PledgesException } from './pledges.exception';
import type { UnitPledge } from './unit-pledge.entity';

const PROGRESS_REPORT_SORT: SortSpec = {
  fields: { period: 'period', number: 'number', createdAt: 'createdAt' },
  default: 'period,number',
};

/**
 * Progress reports against a unit's signed targets (mid-year, year end): drafted and changed
 * here, submitted and approved through the `pledge_progress` workflow, whose state `status`
 * mirrors. Approved reports are read-only; a correction is the next number of the same period.
 */
@Injectable()
export class ProgressReportsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly approvals: ApprovalsService,
    private readonly workflows: WorkflowRegistry,
  ) {}

  onModuleInit(): void {
    this.workflows.register({
      ...PLEDGE_PROGRESS_WORKFLOW,
      onStateEntered: (manager, request, act) => this.onStateEntered(manager, request, act),
    });
  }

  async create(actor: Actor, unitPledgeId: string, dto: CreateProgressReportDto): Promise<ProgressReportResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      // Locked so that two first reports of a period do not both pick number 1.
      const unitPledge = await findUnitPledge(manager, unitPledgeId, 'update');
      PledgePolicy.assertMayDraft(actor, unitPledge.unitId);
      const pledge = await this.reportablePledge(manager, unitPledge);
      await assertValuesNameTargets(manager, unitPledge, dto.values);
      const earlier = await manager.find(PledgeProgressReport, {
        where: { unitPledgeId: unitPledge.id, period: dto.period },
        order: { number: 'DESC' },
      });
      if (earlier.some((report) => report.status !== 'approved')) throw PledgesException.progressInProgress();
      const report = await manager.save(
        manager.create(PledgeProgressReport, {
          unitPledgeId: unitPledge.id,
          period: dto.period,
          number: (earlier[0]?.number ?? 0) + 1,
          status: 'draft',
          draftedBy: actor.userId,
        }),
      );
      await this.writeValues(manager, report, dto.values);
      const request = await this.approvals.open(manager, {
        workflowKey: PLEDGE_PROGRESS_WORKFLOW.key,
        subjectId: report.id,
        clusterId: pledge.clusterId,
        unitId: unitPledge.unitId,
        draftedBy: actor.userId,
      });
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'pledges.progress_drafted',
        subjectType: PROGRESS_REPORT_SUBJECT_TYPE,
        subjectId: report.id,
        payload: {
          unitPledgeId: unitPledge.id,
          unitId: unitPledge.unitId,
          pledgeId: pledge.id,
          period: report.period,
          number: report.number,
          approvalRequestId: request.id,
          values: dto.values,
        },
      });
      return this.respond(manager, report, unitPledge, pledge);
    });
  }

  async update(
    actor: Actor,
    id: string,
    dto: UpdateProgressReportDto,
    ifMatch?: IfMatch,
  ): Promise<ProgressReportResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const report = await this.findReport(manager, id, true);
      const unitPledge = await findUnitPledge(manager, report.unitPledgeId);
      PledgePolicy.assertMayDraft(actor, unitPledge.unitId);
      const pledge = await this.reportablePledge(manager, unitPledge);
      if (report.status !== 'draft') {
        throw new PledgesException(
          PledgesErrorCode.ProgressNotDraft,
          report.status === 'approved'
            ? 'This report is approved and read-only; send a correction (POST /unit-pledges/{id}/progress-reports).'
            : 'This report is submitted; the head may return it to you for changes.',
          { status: report.status },
        );
      }
      assertVersion('pledge_progress_report', report.version, { expectedVersion: dto.expectedVersion, ifMatch });
      await assertValuesNameTargets(manager, unitPledge, dto.values);
      await manager.delete(PledgeProgressValue, { reportId: report.id });
      await this.writeValues(manager, report, dto.values);
      await manager.update(PledgeProgressReport, { id: report.id }, { version: report.version + 1 });
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'pledges.progress_updated',
        subjectType: PROGRESS_REPORT_SUBJECT_TYPE,
        subjectId: report.id,
        payload: { unitPledgeId: unitPledge.id, period: report.period, number: report.number, values: dto.values },
      });
      return this.respond(manager, await this.findReport(manager, id), unitPledge, pledge);
    });
  }

  async get(actor: Actor, id: string): Promise<ProgressReportResponseDto> {
    const manager = this.dataSource.manager;
    const report = await this.findReport(manager, id);
    const unitPledge = await findUnitPledge(manager, report.unitPledgeId);
    const pledge = await findPledge(manager, unitPledge.pledgeId);
    if (report.status !== 'approved') {
      PledgePolicy.assertMaySeeDraft(actor, { unitId: unitPledge.unitId, clusterId: pledge.clusterId });
    }
    return this.respond(manager, report, unitPledge, pledge);
  }

  /** The unit pledge's reports the caller may see (approved ones; all for the unit's people), oldest first. */
  async list(actor: Actor, unitPledgeId: string, query: PageQueryDto): Promise<Page<ProgressReportResponseDto>> {
    const manager = this.dataSource.manager;
    const unitPledge = await findUnitPledge(manager, unitPledgeId);
    const pledge = await findPledge(manager, unitPledge.pledgeId);
    const seesDrafts = PledgePolicy.maySeeDrafts(actor, { unitId: unitPledge.unitId, clusterId: pledge.clusterId });
    const qb = manager
      .getRepository(PledgeProgressReport)
      .createQueryBuilder('report')
      .where('report.unitPledgeId = :unitPledgeId', { unitPledgeId });
    if (!seesDrafts) qb.andWhere('report.status = :approved', { approved: 'approved' });
    return findPage(qb, query, PROGRESS_REPORT_SORT, (report) => this.respond(manager, report, unitPledge, pledge));
  }

  /** Called by the approval engine in the act's transaction: the report's status follows its request. */
  private async onStateEntered(
    manager: EntityManager,
    request: StateEnteredRequest,
    act: StateEnteringAct,
  ): Promise<void> {
    const state = request.state as ProgressReportStatus;
    const report = await this.findReport(manager, request.subjectId, true);
    if (report.status === state) return;
    const unitPledge = await findUnitPledge(manager, report.unitPledgeId);
    await this.reportablePledge(manager, unitPledge);
    report.status = state;
    await manager.save(report);
    if (state === 'approved') {
      const values = await manager.findBy(PledgeProgressValue, { reportId: report.id });
      await this.ledger.append(manager, {
        actorId: act.actorId,
        action: 'pledges.progress_approved',
        subjectType: PROGRESS_REPORT_SUBJECT_TYPE,
        subjectId: report.id,
        payload: {
          unitPledgeId: unitPledge.id,
          unitId: unitPledge.unitId,
          period: report.period,
          number: report.number,
          approvalRequestId: request.id,
          values: values.map(({ targetId, actualValue, note }) => ({ targetId, actualValue, note })),
        },
      });
    }
  }

  /** Progress is reported against the signed targets of the current version, while the cycle is open. */
  private async reportablePledge(manager: EntityManager, unitPledge: UnitPledge): Promise<Pledge> {
    if (unitPledge.status !== 'signed') {
      throw new PledgesException(
        PledgesErrorCode.NotSigned,
        `The unit's pledge is ${unitPledge.status}: progress is reported against signed targets.`,
        { status: unitPledge.status },
      );
    }
    const pledge = await findPledge(manager, unitPledge.pledgeId);
    await assertCurrentVersion(manager, pledge);
    await lockOpenCycle(manager, pledge.cycleId, PLEDGE_WORK_OF_THE_CYCLE, 'share');
    return pledge;
  }

  private async findReport(manager: EntityManager, id: string, lock = false): Promise<PledgeProgressReport> {
    const report = await manager.findOne(PledgeProgressReport, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!report) throw PledgesException.progressReportNotFound(id);
    return report;
  }

  private async writeValues(
    manager: EntityManager,
    report: PledgeProgressReport,
    values: ProgressValueInputDto[],
  ): Promise<void> {
    await manager.insert(
      PledgeProgressValue,
      values.map((value) => ({
        reportId: report.id,
        targetId: value.targetId,
        actualValue: value.actualValue,
        note: value.note ?? null,
      })),
    );
  }

  private async respond(
    manager: EntityManager,
    report: PledgeProgressReport,
    unitPledge: UnitPledge,
    pledge: Pledge,
  ): Promise<ProgressReportResponseDto> {
    return toProgressReportResponse({
      report,
      pledgeId: pledge.id,
      cycleId: pledge.cycleId,
      unit: await unitOfPart(manager, unitPledge.unitId),
      values: await manager.findBy(PledgeProgressValue, { reportId: report.id }),
      targets: await targetsOf(manager, unitPledge.id),
      approval: toApprovalSummary(
        await this.approvals.findForSubject(manager, PROGRESS_REPORT_SUBJECT_TYPE, report.id),
      ),
    });
  }
}

/** Every value names a different target of this unit's pledge. */
async function assertValuesNameTargets(
  manager: EntityManager,
  unitPledge: UnitPledge,
  values: ProgressValueInputDto[],
): Promise<void> {
  const targetIds = new Set((await targetsOf(manager, unitPledge.id)).map((target) => target.id));
  const named = values.map((value) => value.targetId);
  const wrong = named.filter((id, index) => !targetIds.has(id) || named.indexOf(id) !== index);
  if (wrong.length > 0) {
    throw new PledgesException(
      PledgesErrorCode.ProgressTargetUnknown,
      "Give each of the unit's signed targets at most one value (GET /unit-pledges/{id} lists them).",
      { targetIds: [...new Set(wrong)] },
    );
  }
}
