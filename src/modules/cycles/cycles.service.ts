import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { assertVersion, type IfMatch, type VersionPrecondition } from '../../common/versioning/version-precondition';
import { findPage, type Page } from '../../common/pagination/pagination';
import { LedgerService, type LedgerActionOf } from '../ledger';
import { RegistryException, clusterRef, lockCluster } from '../registry';
import { CycleGates } from './cycle-gates';
import { CYCLE_PHASES, phaseIndex } from './cycle-phase';
import { CyclePolicy } from './cycle.policy';
import { CycleStateMachine, OVERLAP_ALLOWED_FROM, type DeadlinePhase } from './cycle.state-machine';
import { CycleTransition } from './cycle-transition.entity';
import { Cycle } from './cycle.entity';
import { CyclesErrorCode, CyclesException } from './cycles.exception';
import {
  CYCLE_SORT,
  toCycleResponse,
  type AdvanceCycleDto,
  type CycleResponseDto,
  type ListCyclesQueryDto,
  type OpenCycleDto,
  type PinRulesVersionDto,
  type ReopenPhaseDto,
  type SetDeadlinesDto,
} from './dto/cycles.dto';
import { orderedDeadlines, type PhaseDeadlines } from './dto/phase-deadlines';
import { checkGates } from './gate-check';
import { assertMayRepin, findPinnableRulesVersion } from './rules-pin';
import { rulesPinnedGate } from './rules-pinned.gate';

type TransitionFields = Pick<CycleTransition, 'kind' | 'fromPhase' | 'toPhase' | 'reason'>;

/**
 * Runs a cluster's yearly cycle. Every change locks the cycle row first (`FOR UPDATE`), so two
 * secretaries acting at once are serialised and the second one is judged on the first one's result.
 */
@Injectable()
export class CyclesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly gates: CycleGates,
  ) {}

  onModuleInit(): void {
    this.gates.register(rulesPinnedGate);
  }

  async list(_actor: Actor, clusterId: string, query: ListCyclesQueryDto): Promise<Page<CycleResponseDto>> {
    if (!(await clusterRef(this.dataSource.manager, clusterId))) throw RegistryException.clusterNotFound(clusterId);
    const qb = this.dataSource
      .getRepository(Cycle)
      .createQueryBuilder('cycle')
      .where('cycle.clusterId = :clusterId', { clusterId });
    if (query.phase) qb.andWhere('cycle.phase = :phase', { phase: query.phase });
    return findPage(qb, query, CYCLE_SORT, toCycleResponse);
  }

  async get(_actor: Actor, id: string): Promise<CycleResponseDto> {
    const cycle = await this.dataSource.getRepository(Cycle).findOneBy({ id });
    if (!cycle) throw CyclesException.cycleNotFound(id);
    return toCycleResponse(cycle);
  }

  /**
   * Opens the cluster's cycle for `year`. The next year may be opened while the current one is in
   * its last phases (the year-end meeting closes one year and starts the next), not earlier.
   */
  async open(actor: Actor, clusterId: string, dto: OpenCycleDto): Promise<CycleResponseDto> {
    CyclePolicy.assertMayManage(actor, clusterId);
    return this.dataSource.transaction(async (manager) => {
      // The cluster's row lock serialises openings, so the overlap check below cannot race.
      if (!(await lockCluster(manager, clusterId, 'update'))) throw RegistryException.clusterNotFound(clusterId);
      if (await manager.existsBy(Cycle, { clusterId, year: dto.year })) throw CyclesException.yearTaken(dto.year);
      const unfinished = await manager.findOne(Cycle, {
        where: { clusterId, phase: In(CYCLE_PHASES.slice(0, phaseIndex(OVERLAP_ALLOWED_FROM))) },
        order: { year: 'ASC' },
      });
      if (unfinished) {
        throw new CyclesException(
          CyclesErrorCode.PreviousCycleNotFinishing,
          `The ${unfinished.year} cycle is in ${unfinished.phase}; the cycle for ${dto.year} can be opened once it reaches ${OVERLAP_ALLOWED_FROM}.`,
          { cycleId: unfinished.id, year: unfinished.year, phase: unfinished.phase },
        );
      }
      const cycle = await manager.save(
        manager.create(Cycle, {
          clusterId,
          year: dto.year,
          phase: 'setup',
          deadlines: orderedDeadlines(dto.deadlines ?? {}),
          rulesVersionId: null,
          openedBy: actor.userId,
        }),
      );
      await this.recordTransition(manager, actor, cycle, {
        kind: 'opened',
        fromPhase: null,
        toPhase: 'setup',
        reason: null,
      });
      const response = toCycleResponse(cycle);
      await this.appendLedger(manager, actor, 'cycles.cycle_opened', cycle, {
        year: cycle.year,
        phase: cycle.phase,
        deadlines: response.deadlines,
      });
      return response;
    });
  }

  /** Moves the cycle to the next phase once every blocking gate registered for it is met. */
  async advance(actor: Actor, id: string, dto: AdvanceCycleDto, ifMatch?: IfMatch): Promise<CycleResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const cycle = await this.lockForChange(manager, actor, id, { expectedVersion: dto.expectedVersion, ifMatch });
      CycleStateMachine.assertAdvance(cycle, dto.to);
      const results = await checkGates(
        manager,
        cycle,
        this.gates.forPhase(dto.to).filter((gate) => gate.blocking),
      );
      const unmet = results.flatMap((result) => result.unmet);
      if (unmet.length) {
        const gates = [...new Set(unmet.map((condition) => condition.gate))];
        throw new CyclesException(
          CyclesErrorCode.GateUnmet,
          `The cycle cannot enter ${dto.to} yet: ${gates.join(', ')} ${gates.length === 1 ? 'is' : 'are'} not met.`,
          { phase: cycle.phase, to: dto.to, unmet },
        );
      }
      const from = cycle.phase;
      const updated = await this.update(manager, cycle, { phase: dto.to });
      await this.recordTransition(manager, actor, updated, {
        kind: 'advanced',
        fromPhase: from,
        toPhase: dto.to,
        reason: null,
      });
      await this.appendLedger(manager, actor, 'cycles.phase_advanced', updated, {
        year: updated.year,
        from,
        to: dto.to,
        gates: results.map((result) => result.gate.key),
      });
      return toCycleResponse(updated);
    });
  }

  /**
   * The only way back: the current phase stays, is recorded as reopened with a reason (e.g. to let
   * late submissions in), and may get a new deadline.
   */
  async reopen(actor: Actor, id: string, dto: ReopenPhaseDto, ifMatch?: IfMatch): Promise<CycleResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const cycle = await this.lockForChange(manager, actor, id, { expectedVersion: dto.expectedVersion, ifMatch });
      CycleStateMachine.assertNotClosed(cycle);
      const phase = cycle.phase as DeadlinePhase;
      const previousDeadline = cycle.deadlines[phase] ?? null;
      const deadlines = { ...cycle.deadlines, ...(dto.deadline ? { [phase]: dto.deadline } : {}) };
      const updated = await this.update(manager, cycle, { deadlines: orderedDeadlines(deadlines) });
      await this.recordTransition(manager, actor, updated, {
        kind: 'reopened',
        fromPhase: phase,
        toPhase: phase,
        reason: dto.reason,
      });
      await this.appendLedger(manager, actor, 'cycles.phase_reopened', updated, {
        year: updated.year,
        phase,
        reason: dto.reason,
        deadline: updated.deadlines[phase] ?? null,
        previousDeadline,
      });
      return toCycleResponse(updated);
    });
  }

  /** Sets (or, with null, clears) the deadlines named; the current phase and later ones only. */
  async setDeadlines(actor: Actor, id: string, dto: SetDeadlinesDto, ifMatch?: IfMatch): Promise<CycleResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const cycle = await this.lockForChange(manager, actor, id, { expectedVersion: dto.expectedVersion, ifMatch });
      CycleStateMachine.assertNotClosed(cycle);
      const requested = Object.entries(dto.deadlines) as [DeadlinePhase, string | null][];
      // Sending back an unchanged deadline of a past phase is harmless, so only changes are judged.
      const changes = requested.filter(([phase, day]) => (cycle.deadlines[phase] ?? null) !== day);
      CycleStateMachine.assertDeadlinesChangeable(
        cycle,
        changes.map(([phase]) => phase),
      );
      if (changes.length === 0) return toCycleResponse(cycle);

      const deadlines: PhaseDeadlines = { ...cycle.deadlines };
      for (const [phase, day] of changes) {
        if (day === null) delete deadlines[phase];
        else deadlines[phase] = day;
      }
      const summary = changes
        .map(([phase, day]) => `${phase}: ${cycle.deadlines[phase] ?? 'none'} → ${day ?? 'none'}`)
        .join('; ');
      const updated = await this.update(manager, cycle, { deadlines: orderedDeadlines(deadlines) });
      await this.recordTransition(manager, actor, updated, {
        kind: 'deadline_changed',
        fromPhase: updated.phase,
        toPhase: updated.phase,
        reason: dto.reason ? `${summary}. ${dto.reason}` : summary,
      });
      await this.appendLedger(manager, actor, 'cycles.deadlines_changed', updated, {
        year: updated.year,
        phase: updated.phase,
        changes: Object.fromEntries(
          changes.map(([phase, day]) => [phase, { from: cycle.deadlines[phase] ?? null, to: day }]),
        ),
        deadlines: orderedDeadlines(updated.deadlines),
        reason: dto.reason ?? null,
      });
      return toCycleResponse(updated);
    });
  }

  /**
   * Pins the reward rules the cycle runs under: any adopted version of the cluster until pledges
   * are signed, afterwards only an amendment of the pinned one, and nothing once evaluation starts.
   */
  async pinRulesVersion(
    actor: Actor,
    id: string,
    dto: PinRulesVersionDto,
    ifMatch?: IfMatch,
  ): Promise<CycleResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const cycle = await this.lockForChange(manager, actor, id, { expectedVersion: dto.expectedVersion, ifMatch });
      CycleStateMachine.assertNotClosed(cycle);
      const rules = await findPinnableRulesVersion(manager, cycle, dto.rulesVersionId);
      if (rules.id === cycle.rulesVersionId) return toCycleResponse(cycle);
      await assertMayRepin(manager, cycle, rules.id);

      const previousRulesVersionId = cycle.rulesVersionId;
      const updated = await this.update(manager, cycle, { rulesVersionId: rules.id });
      await this.appendLedger(manager, actor, 'cycles.rules_pinned', updated, {
        year: updated.year,
        phase: updated.phase,
        rulesVersionId: rules.id,
        rulesVersionNumber: rules.number,
        contentDigest: rules.contentDigest,
        previousRulesVersionId,
      });
      return toCycleResponse(updated);
    });
  }

  /** Locks the cycle row, then checks who may change it and that the caller's version is current. */
  private async lockForChange(
    manager: EntityManager,
    actor: Actor,
    id: string,
    precondition: VersionPrecondition,
  ): Promise<Cycle> {
    const cycle = await manager.findOne(Cycle, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!cycle) throw CyclesException.cycleNotFound(id);
    CyclePolicy.assertMayManage(actor, cycle.clusterId);
    assertVersion('cycle', cycle.version, precondition, { phase: cycle.phase });
    return cycle;
  }

  /** Writes the change (TypeORM bumps `version` and `updated_at`) and reads the row back. */
  private async update(
    manager: EntityManager,
    cycle: Cycle,
    changes: Partial<Pick<Cycle, 'phase' | 'deadlines' | 'rulesVersionId'>>,
  ): Promise<Cycle> {
    await manager.update(Cycle, { id: cycle.id }, changes);
    return manager.findOneByOrFail(Cycle, { id: cycle.id });
  }

  private async recordTransition(
    manager: EntityManager,
    actor: Actor,
    cycle: Cycle,
    fields: TransitionFields,
  ): Promise<void> {
    await manager.insert(CycleTransition, { cycleId: cycle.id, actorId: actor.userId, ...fields });
  }

  private async appendLedger(
    manager: EntityManager,
    actor: Actor,
    action: LedgerActionOf<'cycles'>,
    cycle: Cycle,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await this.ledger.append(manager, {
      actorId: actor.userId,
      action,
      subjectType: 'cycle',
      subjectId: cycle.id,
      payload: { clusterId: cycle.clusterId, version: cycle.version, ...payload },
    });
  }
}
