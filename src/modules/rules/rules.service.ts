import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { assertVersion, type IfMatch } from '../../common/versioning/version-precondition';
import { findPage, type Page } from '../../common/pagination/pagination';
import {
  ApprovalsService,
  toApprovalSummary,
  WorkflowRegistry,
  type ApprovalActFacts,
  type ApprovalRequestFacts,
  type ApprovalSummaryDto,
} from '../approvals';
import { canonicalJson, sha256Hex, LedgerService } from '../ledger';
import { RegistryException, clusterRef, loadReaderScope, lockCluster } from '../registry';
import {
  RULES_VERSION_SORT,
  toRulesContentResponse,
  toRulesVersionResponse,
  toRulesVersionSummary,
  type AmendRulesVersionDto,
  type CreateRulesVersionDto,
  type ListRulesVersionsQueryDto,
  type RulesDefaultsResponseDto,
  type RulesVersionResponseDto,
  type RulesVersionSummaryDto,
  type UpdateRulesVersionDto,
} from './dto/rules-versions.dto';
import {
  RULES_ADOPTION_WORKFLOW,
  RULES_ADOPTION_WORKFLOW_KEY,
  RULES_VERSION_SUBJECT_TYPE,
} from './rules-adoption.workflow';
import type { RulesContent } from './rules-content';
import { validRulesContent } from './rules-content.validator';
import { approvalsRequiredToAdopt, rulesContentContext } from './rules-context';
import { defaultRulesContent } from './rules-defaults';
import { RulesVersion, type RulesVersionStatus } from './rules-version.entity';
import { RulesException } from './rules.exception';
import { RulesPolicy } from './rules.policy';

/** What the DTOs hold, as plain JSON: what jsonb stores and what the digest covers. */
function plainContent(content: RulesContent): RulesContent {
  return JSON.parse(JSON.stringify(content)) as RulesContent;
}

function digestOf(content: RulesContent): string {
  return sha256Hex(canonicalJson(content));
}

interface NewDraft {
  clusterId: string;
  title: string;
  content: RulesContent;
  replacesId: string | null;
}

/**
 * Versions of a cluster's reward rules (quy chế khen thưởng cụm). A version is written only as
 * a draft; proposing, rejecting and adopting go through the approval engine, whose acts move the
 * version's status here (onAdoptionStateEntered) in the same transaction.
 */
@Injectable()
export class RulesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly approvals: ApprovalsService,
    private readonly workflows: WorkflowRegistry,
  ) {}

  onModuleInit(): void {
    this.workflows.register({
      ...RULES_ADOPTION_WORKFLOW,
      onStateEntered: (manager, request, act) => this.onAdoptionStateEntered(manager, request, act),
    });
  }

  async list(actor: Actor, clusterId: string, query: ListRulesVersionsQueryDto): Promise<Page<RulesVersionSummaryDto>> {
    await this.assertClusterExists(this.dataSource.manager, clusterId);
    const reader = await loadReaderScope(this.dataSource.manager, actor);
    const qb = this.dataSource
      .getRepository(RulesVersion)
      .createQueryBuilder('version')
      .where('version.clusterId = :clusterId', { clusterId });
    // A cluster's drafts never leave it: outsiders list its adopted rules only.
    if (!RulesPolicy.mayReadDraftsOf(reader, clusterId)) qb.andWhere(`version.status = 'adopted'`);
    if (query.status) qb.andWhere('version.status = :status', { status: query.status });
    return findPage(qb, query, RULES_VERSION_SORT, toRulesVersionSummary);
  }

  async get(actor: Actor, id: string): Promise<RulesVersionResponseDto> {
    const manager = this.dataSource.manager;
    const version = await manager.findOneBy(RulesVersion, { id });
    if (!version) throw RulesException.versionNotFound(id);
    // Outsiders are told what they would be told of a draft that does not exist.
    if (
      version.status !== 'adopted' &&
      !RulesPolicy.mayReadDraftsOf(await loadReaderScope(manager, actor), version.clusterId)
    ) {
      throw RulesException.versionNotFound(id);
    }
    return toRulesVersionResponse(version, await this.approvalOf(manager, id));
  }

  async defaults(_actor: Actor, clusterId: string): Promise<RulesDefaultsResponseDto> {
    await this.assertClusterExists(this.dataSource.manager, clusterId);
    return toRulesContentResponse(defaultRulesContent());
  }

  async create(actor: Actor, clusterId: string, dto: CreateRulesVersionDto): Promise<RulesVersionResponseDto> {
    RulesPolicy.assertMayDraft(actor, clusterId);
    return this.dataSource.transaction(async (manager) => {
      await this.lockClusterForDrafting(manager, clusterId);
      const content = validRulesContent(
        plainContent(dto.content ?? defaultRulesContent()),
        await rulesContentContext(manager, clusterId),
      );
      return this.insertDraft(manager, actor, { clusterId, title: dto.title, content, replacesId: null });
    });
  }

  async update(
    actor: Actor,
    id: string,
    dto: UpdateRulesVersionDto,
    ifMatch?: IfMatch,
  ): Promise<RulesVersionResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      // The row lock orders a revision and a concurrent `propose` act: whichever comes second sees the first.
      const version = await manager.findOne(RulesVersion, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!version) throw RulesException.versionNotFound(id);
      RulesPolicy.assertMayDraft(actor, version.clusterId);
      RulesPolicy.assertRevisable(version.status);
      assertVersion('rules_version', version.version, { expectedVersion: dto.expectedVersion, ifMatch });
      const changed: string[] = [];
      if (dto.title !== undefined && dto.title !== version.title) {
        version.title = dto.title;
        changed.push('title');
      }
      if (dto.content !== undefined) {
        const content = validRulesContent(
          plainContent(dto.content),
          await rulesContentContext(manager, version.clusterId),
        );
        const digest = digestOf(content);
        if (digest !== version.contentDigest) {
          version.content = content;
          version.contentDigest = digest;
          changed.push('content');
        }
      }
      if (changed.length > 0) {
        await manager.save(version);
        await this.ledger.append(manager, {
          actorId: actor.userId,
          action: 'rules.version_revised',
          subjectType: RULES_VERSION_SUBJECT_TYPE,
          subjectId: version.id,
          payload: {
            clusterId: version.clusterId,
            number: version.number,
            changed,
            title: version.title,
            contentDigest: version.contentDigest,
          },
        });
      }
      return toRulesVersionResponse(version, await this.approvalOf(manager, id));
    });
  }

  /** A new draft with the content of an adopted version, naming it as the one it replaces. */
  async amend(actor: Actor, id: string, dto: AmendRulesVersionDto): Promise<RulesVersionResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const source = await manager.findOneBy(RulesVersion, { id });
      if (!source) throw RulesException.versionNotFound(id);
      RulesPolicy.assertMayDraft(actor, source.clusterId);
      RulesPolicy.assertAmendable(source.status);
      await this.lockClusterForDrafting(manager, source.clusterId);
      // Copied as adopted, not re-checked: if the members changed since, the draft is revised
      // before it is proposed, and proposing checks it again.
      return this.insertDraft(manager, actor, {
        clusterId: source.clusterId,
        title: dto.title,
        content: source.content,
        replacesId: source.id,
      });
    });
  }

  /**
   * Keeps the version's status in step with its approval request, in the act's transaction.
   * Entering `proposed` re-checks the content against today's members (a refusal undoes the act);
   * entering `adopted` fixes the digest and the adoption time — in the same UPDATE, since the
   * database refuses any later change of an adopted row.
   */
  async onAdoptionStateEntered(
    manager: EntityManager,
    request: ApprovalRequestFacts,
    act: ApprovalActFacts,
  ): Promise<void> {
    if (request.workflowKey !== RULES_ADOPTION_WORKFLOW_KEY) return;
    const version = await manager.findOne(RulesVersion, {
      where: { id: request.subjectId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!version) throw RulesException.versionNotFound(request.subjectId);
    const status = request.state as RulesVersionStatus;
    if (status === 'proposed')
      validRulesContent(version.content, await rulesContentContext(manager, version.clusterId));
    if (status !== 'adopted') {
      await manager.update(RulesVersion, { id: version.id }, { status });
      return;
    }
    const contentDigest = digestOf(version.content);
    const adoptedAt = act.createdAt ?? new Date();
    await manager.update(RulesVersion, { id: version.id }, { status, contentDigest, adoptedAt });
    await this.ledger.append(manager, {
      actorId: act.actorId,
      action: 'rules.version_adopted',
      subjectType: RULES_VERSION_SUBJECT_TYPE,
      subjectId: version.id,
      payload: {
        clusterId: version.clusterId,
        number: version.number,
        title: version.title,
        replacesId: version.replacesId,
        contentDigest,
        approvalRequestId: request.id,
        round: request.round,
        approvalsRequired: request.approvalsRequired,
      },
    });
  }

  private async insertDraft(manager: EntityManager, actor: Actor, draft: NewDraft): Promise<RulesVersionResponseDto> {
    const [{ next }] = (await manager.query(
      'SELECT COALESCE(MAX("number"), 0) + 1 AS next FROM rules_versions WHERE cluster_id = $1',
      [draft.clusterId],
    )) as { next: number | string }[];
    const version = await manager.save(
      manager.create(RulesVersion, {
        clusterId: draft.clusterId,
        number: Number(next),
        title: draft.title,
        status: 'draft',
        replacesId: draft.replacesId,
        content: draft.content,
        contentDigest: digestOf(draft.content),
        createdBy: actor.userId,
        adoptedAt: null,
      }),
    );
    const { memberUnitCodes } = await rulesContentContext(manager, draft.clusterId);
    // k is fixed now, when the request opens: later changes of the rules or the members do not move it.
    const request = await this.approvals.open(manager, {
      workflowKey: RULES_ADOPTION_WORKFLOW_KEY,
      subjectId: version.id,
      clusterId: draft.clusterId,
      unitId: null,
      draftedBy: actor.userId,
      approvalsRequired: await approvalsRequiredToAdopt(manager, draft.clusterId, memberUnitCodes.length),
    });
    await this.ledger.append(manager, {
      actorId: actor.userId,
      action: draft.replacesId ? 'rules.amendment_drafted' : 'rules.version_drafted',
      subjectType: RULES_VERSION_SUBJECT_TYPE,
      subjectId: version.id,
      payload: {
        clusterId: version.clusterId,
        number: version.number,
        title: version.title,
        replacesId: version.replacesId,
        contentDigest: version.contentDigest,
        approvalRequestId: request.id,
        approvalsRequired: request.approvalsRequired,
      },
    });
    return toRulesVersionResponse(version, toApprovalSummary(request));
  }

  private async approvalOf(manager: EntityManager, versionId: string): Promise<ApprovalSummaryDto | null> {
    return toApprovalSummary(await this.approvals.findForSubject(manager, RULES_VERSION_SUBJECT_TYPE, versionId));
  }

  /** Serialises drafting in a cluster, so that version numbers follow each other without gaps. */
  private async lockClusterForDrafting(manager: EntityManager, clusterId: string): Promise<void> {
    // NO KEY UPDATE: drafts wait for each other, while rows that merely reference the cluster do not.
    if (!(await lockCluster(manager, clusterId, 'no_key_update'))) throw RegistryException.clusterNotFound(clusterId);
  }

  private async assertClusterExists(manager: EntityManager, clusterId: string): Promise<void> {
    if (!(await clusterRef(manager, clusterId))) throw RegistryException.clusterNotFound(clusterId);
  }
}
