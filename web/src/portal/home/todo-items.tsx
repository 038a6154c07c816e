import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { returnOf, useApprovalRequest } from '../reports/returned-notice';
import { useUnitReports } from '../reports/report-queries';
import { entryOf, leavesOf, linesToExplain } from '../scoring/sheet-tree';
import { TodoCard, type TodoState } from './todo-card';
import { useCurrentPledge, useScoringPeriods, useSheet, useUnitPledge } from './todo-queries';

type Cycle = Schemas['CycleResponseDto'];
type Approval = Schemas['ApprovalSummaryDto'];

/** The deadline the cycle gives a phase (a calendar day), if any. */
function phaseDeadline(cycle: Cycle, phase: string): string | undefined {
  const deadline = (cycle.deadlines as Record<string, string | undefined>)[phase];
  return deadline ?? undefined;
}

/** A record's status as a to-do state; a draft the approver sent back is "returned", with its comment. */
function useTodoState(status: string | undefined, approval?: Approval | null) {
  const request = useApprovalRequest(status === 'draft' ? approval : null);
  const returned = returnOf(request.data);
  const state: TodoState = returned
    ? 'returned'
    : status === 'submitted'
      ? 'waiting'
      : status === 'approved' || status === 'signed'
        ? 'done'
        : 'todo';
  return { state, comment: returned?.comment };
}

export function ReportTodo({ cycle, unitId }: { cycle: Cycle; unitId: string }) {
  const { t } = useTranslation();
  const reports = useUnitReports(cycle.id, unitId);
  const report = reports.data?.items[0];
  const { state, comment } = useTodoState(report?.status, report?.approval);
  if (reports.isPending) return null;
  return (
    <TodoCard
      title={t('portal.home.report.title')}
      state={state}
      text={t(`portal.home.report.${report?.status ?? 'none'}`)}
      deadline={phaseDeadline(cycle, 'in_progress')}
      comment={comment}
      link="/portal/reports"
      linkText={t('portal.home.report.open')}
    />
  );
}

export function PledgeTodo({ cycle, unitId }: { cycle: Cycle; unitId: string }) {
  const { t } = useTranslation();
  const pledge = useCurrentPledge(cycle.id);
  const mine = pledge.data?.units.find((unit) => unit.unit.id === unitId);
  const unitPledge = useUnitPledge(mine?.unitPledgeId);
  const { state, comment } = useTodoState(mine?.status, unitPledge.data?.approval);
  if (pledge.isPending || !mine) return null;
  return (
    <TodoCard
      title={t('portal.home.pledge.title')}
      state={state}
      text={t(`portal.home.pledge.${mine.status}`, { defaultValue: mine.status })}
      deadline={phaseDeadline(cycle, 'pledge_signing')}
      comment={comment}
      link="/portal/pledges"
      linkText={t('portal.home.pledge.open')}
    />
  );
}

export function ScoringTodo({ cycle, unitId }: { cycle: Cycle; unitId: string }) {
  const { t } = useTranslation();
  const periods = useScoringPeriods(cycle.id);
  const period = periods.data?.items[0];
  const sheet = useSheet(period?.id, unitId);
  const { state, comment } = useTodoState(sheet.data?.status, sheet.data?.approval);
  if (!period || !sheet.data) return null;
  const leaves = leavesOf(sheet.data.criteria);
  const scored = leaves.filter((leaf) => entryOf(leaf)?.selfScore != null).length;
  const toExplain = linesToExplain(sheet.data).filter((line) => !line.explanation).length;
  return (
    <>
      <TodoCard
        title={t('portal.home.scoring.title', { period: period.name })}
        state={sheet.data.status === 'submitted' ? 'done' : state}
        text={t(`portal.home.scoring.${sheet.data.status === 'submitted' ? 'submitted' : 'draft'}`, {
          scored,
          leaves: leaves.length,
        })}
        deadline={period.selfScoringDue}
        comment={comment}
        link="/portal/scoring"
        linkText={t('portal.home.scoring.open')}
      />
      {toExplain > 0 && (
        <TodoCard
          title={t('portal.home.explain.title')}
          state="todo"
          text={t('portal.home.explain.pending', { count: toExplain })}
          deadline={period.explanationDue}
          link="/portal/scoring"
          linkText={t('portal.home.explain.open')}
        />
      )}
    </>
  );
}
