import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import type { PageQueryDto } from '../../common/pagination/page-query.dto';
import { assertVersion, type IfMatch } from '../../common/versioning/version-precondition';
import { pageOf, parseSort, type Page } from '../../common/pagination/pagination';
import { LedgerService } from '../ledger';
import { currentMembersOfClusters } from '../registry';
import { ApprovalAct } from './approval-act.entity';
import { actsOf, delegationsHeldBy, pendingCandidates, roundActs, type ActRecord } from './approval-facts';
import {
  ApprovalPolicy,
  availableTransitions,
  decideApprover,
  type ApprovalFacts,
  type DelegatedAuthority,
} from './approval.policy';
import { ApprovalRequest } from './approval-request.entity';
import { ApprovalsErrorCode, ApprovalsException } from './approvals.exception';
import {
  PENDING_SORT,
  WORKFLOW_SORT,
  toApprovalRequestResponse,
  toWorkflowResponse,
  type ActOnApprovalDto,
  type ApprovalRequestResponseDto,
  type WorkflowDefinitionResponseDto,
} from './dto/approvals.dto';
import { WorkflowRegistry, type WorkflowDefinition } from './workflow-definition';

export interface OpenApprovalInput {
  workflowKey: string;
  subjectId: string;
  clusterId: string;
  unitId: string | null;
  draftedBy: string;
  /** k for the workflow's k-of-n transition; defaults to 1. */
  approvalsRequired?: number;
}

/**
 * The approval engine. Used by other modules inside their own transactions:
 * - open(manager, input): creates the request in the workflow's initial state, round 1, and
 *   appends `approvals.request_opened` to the ledger;
 * - findForSubject(manager, subjectType, subjectId): the request of a document, or null.
 * Acts come through HTTP (`act`), each in one transaction that locks the request row.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflows: WorkflowRegistry,
    private readonly ledger: LedgerService,
  ) {}

  async open(manager: EntityManager, input: OpenApprovalInput): Promise<ApprovalRequest> {
    const definition = this.workflows.get(input.workflowKey);
    const approvalsRequired = input.approvalsRequired ?? 1;
    if (!Number.isInteger(approvalsRequired) || approvalsRequired < 1) {
      throw new ApprovalsException(
        ApprovalsErrorCode.ApprovalsRequiredInvalid,
        `approvalsRequired must be a whole number of at least 1, not ${approvalsRequired}.`,
      );
    }
    if (!input.unitId && definition.transitions.some((t) => t.by === 'unit_officer' || t.by === 'unit_head')) {
      throw new ApprovalsException(
        ApprovalsErrorCode.UnitRequired,
        `Workflow ${definition.key} has steps for the owning unit; open it with the unitId of the document.`,
      );
    }
    if (await this.findForSubject(manager, definition.subjectType, input.subjectId)) {
      throw new ApprovalsException(
        ApprovalsErrorCode.RequestExists,
        `${definition.subjectType} ${input.subjectId} already has an approval request.`,
      );
    }
    const request = await manager.save(
      manager.create(ApprovalRequest, {
        workflowKey: definition.key,
        subjectType: definition.subjectType,
        subjectId: input.subjectId,
        clusterId: input.clusterId,
        unitId: input.unitId,
        state: definition.initial,
        draftedBy: input.draftedBy,
        round: 1,
        approvalsRequired,
      }),
    );
    await this.ledger.append(manager, {
      actorId: input.draftedBy,
      action: 'approvals.request_opened',
      subjectType: 'approval_request',
      subjectId: request.id,
      payload: {
        workflow: definition.key,
        subjectType: definition.subjectType,
        subjectId: input.subjectId,
        clusterId: input.clusterId,
        unitId: input.unitId,
        state: request.state,
        approvalsRequired,
      },
    });
    return request;
  }

  findForSubject(manager: EntityManager, subjectType: string, subjectId: string): Promise<ApprovalRequest | null> {
    return manager.findOneBy(ApprovalRequest, { subjectType, subjectId });
  }

  workflowDefinitions(_actor: Actor, query: PageQueryDto): Page<WorkflowDefinitionResponseDto> {
    return pageOf(this.workflows.all().map(toWorkflowResponse), query, WORKFLOW_SORT);
  }

  async get(actor: Actor, id: string): Promise<ApprovalRequestResponseDto> {
    const manager = this.dataSource.manager;
    const request = await manager.findOneBy(ApprovalRequest, { id });
    if (!request) throw ApprovalsException.requestNotFound(id);
    return this.describe(manager, actor, request, { assertVisible: true });
  }

  /**
   * One act, in one transaction: the request row is locked first, so two acts on the same request
   * run one after the other and the second sees the first's outcome (a new version or state).
   */
  async act(actor: Actor, id: string, dto: ActOnApprovalDto, ifMatch?: IfMatch): Promise<ApprovalRequestResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(ApprovalRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw ApprovalsException.requestNotFound(id);
      const definition = this.workflows.get(request.workflowKey);
      const facts = await this.factsFor(manager, actor, request);
      ApprovalPolicy.assertMayView(actor, request, facts.memberUnitIds, definition);
      assertVersion(
        'approval_request',
        request.version,
        { expectedVersion: dto.expectedVersion, ifMatch },
        {
          state: request.state,
        },
      );

      const transition = definition.transitions.find((t) => t.from === request.state && t.name === dto.transition);
      if (!transition) {
        throw new ApprovalsException(
          ApprovalsErrorCode.TransitionNotAvailable,
          `'${dto.transition}' cannot be taken from '${request.state}'.`,
          {
            state: request.state,
            version: request.version,
            transitionsFromState: definition.transitions.filter((t) => t.from === request.state).map((t) => t.name),
            availableTransitions: availableTransitions(definition, request, facts),
          },
        );
      }
      ApprovalPolicy.assertCommentGiven(transition, dto.comment);
      const decision = decideApprover(facts, transition);
      if ('refusal' in decision) throw decision.refusal;
      const { capacity } = decision;

      const needed = transition.approvals === 'request' ? request.approvalsRequired : 1;
      const counted = facts.roundActs.filter((a) => a.transition === transition.name).length + 1;
      const moves = counted >= needed;
      const fromState = request.state;
      const actRound = request.round;
      // Acts are append-only (a trigger refuses UPDATE), so the outcome is decided before the insert.
      const act = await this.recordAct(
        manager,
        definition,
        request,
        {
          round: actRound,
          transition: transition.name,
          fromState,
          toState: moves ? transition.to : null,
          actorId: actor.userId,
          mandateId: capacity.mandateId,
          delegationId: capacity.delegationId,
          countedFor: capacity.countedFor,
          comment: dto.comment ?? null,
        },
        {
          principalId: capacity.principalId,
          delegationId: capacity.delegationId,
          mandateId: capacity.mandateId,
          approvalsCounted: counted,
          approvalsRequired: needed,
        },
      );
      if (moves) await this.moveState(manager, actor.userId, definition, request, act);
      return this.describe(manager, actor, request, { assertVisible: false });
    });
  }

  /**
   * Requests the caller can act on now. Candidates are narrowed in SQL to the units and clusters
   * of the caller's mandates and delegations and to states with a step in a matching scope; the
   * full checks (separation of duties, own unit, already acted) then run in code, as for `act`.
   */
  async pending(actor: Actor, query: PageQueryDto): Promise<Page<ApprovalRequestResponseDto>> {
    const manager = this.dataSource.manager;
    const sort = parseSort(query.sort, PENDING_SORT);
    const delegations = await delegationsHeldBy(manager, actor.userId);
    const candidates = await pendingCandidates(manager, actor, delegations, this.workflows.all(), sort);
    const members = await currentMembersOfClusters(
      manager,
      candidates.map((r) => r.clusterId),
    );
    const acts = await actsOf(
      manager,
      candidates.map((r) => r.id),
    );
    const actionable = candidates.flatMap((request) => {
      const definition = this.workflows.get(request.workflowKey);
      const records = acts.get(request.id)!;
      const facts = factsOf(actor, request, delegations, members.get(request.clusterId)!, records);
      const available = availableTransitions(definition, request, facts);
      return available.length ? [toApprovalRequestResponse(request, records, definition, available)] : [];
    });
    const start = (query.page - 1) * query.pageSize;
    return {
      items: actionable.slice(start, start + query.pageSize),
      page: query.page,
      pageSize: query.pageSize,
      total: actionable.length,
    };
  }

  /**
   * A meeting's vote decides the request (an adopted motion, once certified): one act recorded for
   * the poll (`counted_for` = `poll:<id>`), taking the step from the current state into a final
   * state whatever k says — the meeting's vote stands for the members' approvals. In the caller's
   * transaction; the owning module's hook runs as for any act. Refused when no such step exists.
   */
  async decideByVote(
    manager: EntityManager,
    input: { requestId: string; pollId: string; actorId: string; comment: string },
  ): Promise<ApprovalRequest> {
    const request = await manager.findOne(ApprovalRequest, {
      where: { id: input.requestId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!request) throw ApprovalsException.requestNotFound(input.requestId);
    const definition = this.workflows.get(request.workflowKey);
    const transition = definition.transitions.find((t) => t.from === request.state && definition.final.includes(t.to));
    if (!transition) {
      throw new ApprovalsException(
        ApprovalsErrorCode.TransitionNotAvailable,
        `No step completes the request from '${request.state}'.`,
        { state: request.state, version: request.version },
      );
    }
    const act = await this.recordAct(
      manager,
      definition,
      request,
      {
        round: request.round,
        transition: transition.name,
        fromState: request.state,
        toState: transition.to,
        actorId: input.actorId,
        mandateId: null,
        delegationId: null,
        countedFor: `poll:${input.pollId}`,
        comment: input.comment,
      },
      { pollId: input.pollId },
    );
    await this.moveState(manager, input.actorId, definition, request, act);
    return request;
  }

  /** An act and its ledger entry, whoever takes it (a person, or a meeting's certified vote). */
  private async recordAct(
    manager: EntityManager,
    definition: WorkflowDefinition,
    request: ApprovalRequest,
    fields: Omit<ApprovalAct, 'id' | 'requestId' | 'createdAt' | 'request' | 'actor'>,
    ledgerDetail: Record<string, unknown>,
  ): Promise<ApprovalAct> {
    const act = await manager.save(manager.create(ApprovalAct, { requestId: request.id, ...fields }));
    await this.ledger.append(manager, {
      actorId: act.actorId,
      action: 'approvals.act_recorded',
      subjectType: 'approval_request',
      subjectId: request.id,
      payload: {
        workflow: definition.key,
        subjectType: request.subjectType,
        subjectId: request.subjectId,
        actId: act.id,
        transition: act.transition,
        from: act.fromState,
        to: act.toState,
        round: act.round,
        countedFor: act.countedFor,
        comment: act.comment,
        ...ledgerDetail,
      },
    });
    return act;
  }

  private async moveState(
    manager: EntityManager,
    actorId: string,
    definition: WorkflowDefinition,
    request: ApprovalRequest,
    act: ApprovalAct,
  ): Promise<void> {
    const from = request.state;
    const to = act.toState!;
    // Back at the start, a new round begins: the acts of the old round no longer count.
    const round = to === definition.initial ? request.round + 1 : request.round;
    const result = await manager.update(
      ApprovalRequest,
      { id: request.id, version: request.version },
      { state: to, round, version: request.version + 1 },
    );
    if (result.affected === 0) {
      // Unreachable while the row is locked; the versioned WHERE is the database's own guard.
      assertVersion('approval_request', (await manager.findOneByOrFail(ApprovalRequest, { id: request.id })).version, {
        expectedVersion: request.version,
      });
    }
    Object.assign(request, await manager.findOneByOrFail(ApprovalRequest, { id: request.id }));
    await definition.onStateEntered?.(manager, request, act);
    await this.ledger.append(manager, {
      actorId,
      action: 'approvals.state_changed',
      subjectType: 'approval_request',
      subjectId: request.id,
      payload: {
        workflow: definition.key,
        subjectType: request.subjectType,
        subjectId: request.subjectId,
        actId: act.id,
        transition: act.transition,
        from,
        to,
        round: request.round,
        version: request.version,
      },
    });
  }

  private async factsFor(manager: EntityManager, actor: Actor, request: ApprovalRequest): Promise<FactsWithActs> {
    const delegations = await delegationsHeldBy(manager, actor.userId);
    const members = (await currentMembersOfClusters(manager, [request.clusterId])).get(request.clusterId)!;
    const records = (await actsOf(manager, [request.id])).get(request.id)!;
    return factsOf(actor, request, delegations, members, records);
  }

  private async describe(
    manager: EntityManager,
    actor: Actor,
    request: ApprovalRequest,
    options: { assertVisible: boolean },
  ): Promise<ApprovalRequestResponseDto> {
    const facts = await this.factsFor(manager, actor, request);
    const definition = this.workflows.get(request.workflowKey);
    if (options.assertVisible) ApprovalPolicy.assertMayView(actor, request, facts.memberUnitIds, definition);
    return toApprovalRequestResponse(
      request,
      facts.records,
      definition,
      availableTransitions(definition, request, facts),
    );
  }
}

type FactsWithActs = ApprovalFacts & { records: ActRecord[] };

function factsOf(
  actor: Actor,
  request: ApprovalRequest,
  delegations: DelegatedAuthority[],
  memberUnitIds: Set<string>,
  records: ActRecord[],
): FactsWithActs {
  return { actor, request, delegations, memberUnitIds, roundActs: roundActs(records, request.round), records };
}
