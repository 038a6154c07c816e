import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { unitRefs } from '../registry';
import { todayInVietnam } from './cycle-calendar';
import type { UnmetCondition } from './cycle-gates';
import { CycleGates } from './cycle-gates';
import { CYCLE_PHASES, nextPhase, phaseIndex } from './cycle-phase';
import { CycleTransition } from './cycle-transition.entity';
import { Cycle } from './cycle.entity';
import { CyclesException } from './cycles.exception';
import type {
  CycleDashboardResponseDto,
  DashboardNextDto,
  DashboardPendingDto,
  DashboardPhaseDto,
} from './dto/cycle-dashboard.dto';
import { toCycleTransitionResponse } from './dto/cycles.dto';
import { checkGates } from './gate-check';

/**
 * The cycle at a glance: where it stands, what the next phase waits for, and who owes what.
 * Gates are asked on one snapshot (REPEATABLE READ), so the parts of the answer agree.
 */
@Injectable()
export class CycleDashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gates: CycleGates,
  ) {}

  async dashboard(_actor: Actor, id: string): Promise<CycleDashboardResponseDto> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const cycle = await manager.findOneBy(Cycle, { id });
      if (!cycle) throw CyclesException.cycleNotFound(id);
      const today = todayInVietnam();

      const upcoming = nextPhase(cycle.phase);
      const nextResults = upcoming ? await checkGates(manager, cycle, this.gates.forPhase(upcoming)) : [];
      const currentReporting = await checkGates(
        manager,
        cycle,
        this.gates.forPhase(cycle.phase).filter((gate) => !gate.blocking),
      );
      const next: DashboardNextDto | null = upcoming
        ? {
            phase: upcoming,
            gates: nextResults.map(({ gate, unmet }) => ({
              key: gate.key,
              description: gate.description,
              blocking: gate.blocking,
              met: unmet.length === 0,
              unmet,
            })),
          }
        : null;
      const owed = [...nextResults, ...currentReporting].flatMap((result) => result.unmet);
      const history = await manager.find(CycleTransition, { where: { cycleId: id }, order: { createdAt: 'DESC' } });

      return {
        cycle: {
          id: cycle.id,
          clusterId: cycle.clusterId,
          year: cycle.year,
          phase: cycle.phase,
          version: cycle.version,
          rulesVersionId: cycle.rulesVersionId,
        },
        today,
        phases: this.phases(cycle, today),
        next,
        pending: await this.pendingByUnit(manager, owed),
        history: history.map(toCycleTransitionResponse),
      };
    });
  }

  /** A phase is overdue while it is current and today, in Asia/Ho_Chi_Minh, is after its deadline. */
  private phases(cycle: Cycle, today: string): DashboardPhaseDto[] {
    const current = phaseIndex(cycle.phase);
    return CYCLE_PHASES.map((phase, index) => {
      const deadline = cycle.deadlines[phase] ?? null;
      const status = index < current ? 'done' : index === current ? 'current' : 'upcoming';
      return { phase, deadline, status, overdue: status === 'current' && deadline !== null && today > deadline };
    });
  }

  private async pendingByUnit(manager: EntityManager, conditions: UnmetCondition[]): Promise<DashboardPendingDto[]> {
    const byUnit = new Map<string, string[]>();
    for (const condition of conditions) {
      if (!condition.unitId) continue;
      const items = byUnit.get(condition.unitId) ?? [];
      if (!items.includes(condition.message)) items.push(condition.message);
      byUnit.set(condition.unitId, items);
    }
    if (byUnit.size === 0) return [];
    const unitById = await unitRefs(manager, [...byUnit.keys()]);
    return [...byUnit.entries()]
      .map(([unitId, items]) => ({
        unitId,
        unitCode: unitById.get(unitId)?.code ?? null,
        unitName: unitById.get(unitId)?.name ?? null,
        items,
      }))
      .sort((a, b) => (a.unitCode ?? '').localeCompare(b.unitCode ?? ''));
  }
}
