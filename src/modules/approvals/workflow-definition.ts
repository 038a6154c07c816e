import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApprovalAct } from './approval-act.entity';
import type { ApprovalRequest } from './approval-request.entity';

/**
 * Whose act a transition takes, checked against the request's cluster and unit:
 * - `unit_officer`: an officer (or the head) of the unit that owns the document;
 * - `unit_head`: the head of that unit, or a person the head delegated approvals to;
 * - `member_heads`: heads (or their delegates) of the cluster's current member units, one
 *   approval per unit — never the unit that owns the document;
 * - `cluster_secretariat`: the cluster's secretariat.
 */
export type ApproverScope = 'unit_officer' | 'unit_head' | 'member_heads' | 'cluster_secretariat';

export interface WorkflowTransition {
  name: string;
  from: string;
  to: string;
  by: ApproverScope;
  /** 1 (default), or `request`: the k fixed on the request when it opened (k of n). */
  approvals?: 1 | 'request';
  commentRequired?: boolean;
  /**
   * Separation of duties (default true): the drafter, and anyone who already acted on the
   * document in this round, may not take this transition.
   */
  independent?: boolean;
}

/** A workflow as data: states, transitions, who may take each and how many must. */
export interface WorkflowDefinition {
  key: string;
  subjectType: string;
  description: string;
  states: string[];
  initial: string;
  final: string[];
  transitions: WorkflowTransition[];
  /** Runs in the act's transaction when the request enters a new state (e.g. mark rules adopted). */
  onStateEntered?(manager: EntityManager, request: ApprovalRequest, act: ApprovalAct): Promise<void>;
}

/**
 * The shape most of a unit's documents go through (results report, pledge targets, progress
 * report): the unit's officer submits what they drafted (so not independent), the head approves
 * or returns it with a comment; returned, it is a draft again and can be edited.
 */
export function unitDocumentWorkflow(
  identity: Pick<WorkflowDefinition, 'key' | 'subjectType' | 'description'>,
): Omit<WorkflowDefinition, 'onStateEntered'> {
  return {
    ...identity,
    states: ['draft', 'submitted', 'approved'],
    initial: 'draft',
    final: ['approved'],
    transitions: [
      { name: 'submit', from: 'draft', to: 'submitted', by: 'unit_officer', independent: false },
      { name: 'approve', from: 'submitted', to: 'approved', by: 'unit_head' },
      { name: 'return', from: 'submitted', to: 'draft', by: 'unit_head', commentRequired: true },
    ],
  };
}

/** Modules register their workflow definitions at start; the engine looks them up by key. */
@Injectable()
export class WorkflowRegistry {
  private readonly workflows = new Map<string, WorkflowDefinition>();

  register(definition: WorkflowDefinition): void {
    if (this.workflows.has(definition.key)) throw new Error(`Workflow ${definition.key} is registered twice`);
    this.workflows.set(definition.key, definition);
  }

  get(key: string): WorkflowDefinition {
    const definition = this.workflows.get(key);
    if (!definition) throw new Error(`Unknown workflow ${key}`);
    return definition;
  }

  all(): WorkflowDefinition[] {
    return [...this.workflows.values()];
  }
}
