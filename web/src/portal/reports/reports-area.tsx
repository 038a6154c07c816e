import { Alert, Button, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { formatDate, formatInteger, formatVnd } from '../../format/format';
import { registerMessages } from '../../i18n/i18n';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePortalScope } from '../portal-scope';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { REPORT_FIELDS } from './report-fields';
import { ReportForm } from './report-form';
import { useUnitReports } from './report-queries';
import { ReturnedNotice, returnOf, useApprovalRequest } from './returned-notice';
import '../home/officer.css';

registerMessages({ vi, en });

type Report = Schemas['ResultsReportResponseDto'];

/** `/portal/reports`: the unit's results report for the year — fill, save, submit, see it returned, correct. */
export default function ReportsArea() {
  const { t } = useTranslation();
  const { unit, cycle, hasRole } = usePortalScope();
  const reports = useUnitReports(cycle?.id, unit?.id);
  const current = reports.data?.items[0];

  return (
    <section aria-labelledby="portal-reports-title" className="portal-page">
      <Typography.Title level={1} id="portal-reports-title">
        {t('portal.reports.title', { year: cycle?.year ?? '' })}
      </Typography.Title>
      <Typography.Paragraph className="portal-muted">{t('portal.reports.intro')}</Typography.Paragraph>
      {!cycle || !unit ? (
        <Alert type="info" title={t('portal.reports.noCycle')} />
      ) : reports.isPending ? (
        <Spin description={t('portal.reports.loading')} />
      ) : reports.error ? (
        <ProblemAlert error={reports.error} />
      ) : (
        <CurrentReport report={current} cycleId={cycle.id} unitId={unit.id} canDraft={hasRole('officer')} />
      )}
    </section>
  );
}

function CurrentReport({
  report,
  cycleId,
  unitId,
  canDraft,
}: {
  report?: Report;
  cycleId: string;
  unitId: string;
  /** The officer drafts; the head reads here and decides in the approvals inbox. */
  canDraft: boolean;
}) {
  const { t } = useTranslation();
  const [correcting, setCorrecting] = useState(false);
  const status = useReportStatus(report);

  return (
    <Space orientation="vertical" size="middle" className="portal-block">
      <Space wrap>
        {report && <span>{t('portal.reports.version', { number: report.number })}</span>}
        <Tag color={STATUS_COLOUR[status]}>{t(`portal.reports.status.${status}`)}</Tag>
      </Space>
      {!report && (
        <ReportForm target={{ kind: 'create', cycleId, unitId }} draftKey={`report:${unitId}:${cycleId}:new`} />
      )}
      {canDraft && report?.status === 'draft' && (
        <>
          <ReturnedNotice approval={report.approval} />
          <ReportForm target={{ kind: 'edit', report }} draftKey={`report:${unitId}:${cycleId}:${report.id}`} />
        </>
      )}
      {report?.status === 'submitted' && (
        <>
          <Alert type="info" showIcon title={t('portal.reports.submittedNote')} />
          <ReportFigures report={report} />
        </>
      )}
      {report?.status === 'approved' && !correcting && (
        <>
          <Alert
            type="success"
            showIcon
            title={t('portal.reports.approvedNote', { date: report.approvedAt ? formatDate(report.approvedAt) : '' })}
          />
          <ReportFigures report={report} />
          {canDraft && <Button onClick={() => setCorrecting(true)}>{t('portal.reports.correct')}</Button>}
        </>
      )}
      {report?.status === 'approved' && correcting && (
        <>
          <Typography.Title level={2}>{t('portal.reports.correcting', { number: report.number })}</Typography.Title>
          <ReportForm
            target={{ kind: 'correct', report }}
            draftKey={`report:${unitId}:${cycleId}:correct:${report.id}`}
          />
          <Button type="link" onClick={() => setCorrecting(false)}>
            {t('portal.reports.cancelCorrection')}
          </Button>
        </>
      )}
    </Space>
  );
}

const STATUS_COLOUR: Record<string, string> = {
  none: 'default',
  draft: 'blue',
  returned: 'orange',
  submitted: 'gold',
  approved: 'green',
};

/** none / draft / returned / submitted / approved: "returned" is a draft the head sent back. */
export function useReportStatus(report?: Report): string {
  const request = useApprovalRequest(report?.status === 'draft' ? report.approval : null);
  if (!report) return 'none';
  if (report.status === 'draft' && returnOf(request.data)) return 'returned';
  return report.status;
}

/** A stored version's figures, read-only, amounts grouped as in vi-VN and exact. */
function ReportFigures({ report }: { report: Report }) {
  const { t } = useTranslation();
  const notes = report.notes as Record<string, string | undefined>;
  return (
    <Descriptions
      bordered
      column={1}
      size="small"
      title={t('portal.reports.figures')}
      items={REPORT_FIELDS.map((field) => ({
        key: field,
        label: t(`portal.reports.field.${field}`),
        children: (
          <>
            {field === 'charterCapitalVnd' ? formatVnd(report.charterCapitalVnd) : formatInteger(report[field])}
            {notes[field] ? <div className="portal-muted">{notes[field]}</div> : null}
          </>
        ),
      }))}
    />
  );
}
