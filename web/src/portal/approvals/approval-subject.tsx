import { useQuery } from '@tanstack/react-query';
import { Descriptions, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatInteger, formatVnd } from '../../format/format';
import { ProblemAlert } from '../../ui/problem-alert';

/** The document under approval, read as a person reads it, by its subject type. */
export function ApprovalSubject({ subjectType, subjectId }: { subjectType: string; subjectId: string }) {
  switch (subjectType) {
    case 'results_report':
      return <ReportSubject id={subjectId} />;
    case 'unit_pledge':
      return <TargetsSubject id={subjectId} />;
    case 'pledge_progress_report':
      return <ProgressSubject id={subjectId} />;
    case 'rules_version':
      return <RulesSubject id={subjectId} />;
    default:
      return <ScoreSheetSubject />;
  }
}

function Loading({ isLoading, error }: { isLoading: boolean; error: unknown }) {
  const { t } = useTranslation();
  if (isLoading) return <Spin description={t('app.loading')} />;
  return <ProblemAlert error={error} />;
}

const REPORT_FIGURES = [
  'cooperatives',
  'charterCapitalVnd',
  'membersAndWorkers',
  'cooperativeGroups',
  'groupMembers',
  'newCooperatives',
  'newMemberCooperatives',
] as const;

function ReportSubject({ id }: { id: string }) {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: ['reports', id],
    queryFn: () => unwrap(api.GET('/api/v1/reports/{id}', { params: { path: { id } } })),
  });
  if (!report.data) return <Loading {...report} />;
  const data = report.data;
  const notes = (data.notes ?? {}) as Record<string, string>;
  return (
    <Descriptions bordered column={1} size="small" title={data.unit.name}>
      <Descriptions.Item label={t('portal.approvals.report.number')}>{data.number}</Descriptions.Item>
      {REPORT_FIGURES.map((field) => (
        <Descriptions.Item key={field} label={t(`portal.approvals.report.${field}`)}>
          {field === 'charterCapitalVnd' ? formatVnd(data.charterCapitalVnd) : formatInteger(data[field])}
          {notes[field] && (
            <Typography.Paragraph type="secondary">
              {t('portal.approvals.report.note', { note: notes[field] })}
            </Typography.Paragraph>
          )}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function TargetsSubject({ id }: { id: string }) {
  const unitPledge = useQuery({
    queryKey: ['unit-pledges', id],
    queryFn: () => unwrap(api.GET('/api/v1/unit-pledges/{id}', { params: { path: { id } } })),
  });
  if (!unitPledge.data) return <Loading {...unitPledge} />;
  return (
    <>
      <Typography.Paragraph strong>{unitPledge.data.unit.name}</Typography.Paragraph>
      <TargetsTable rows={unitPledge.data.targets} />
    </>
  );
}

function ProgressSubject({ id }: { id: string }) {
  const { t } = useTranslation();
  const progress = useQuery({
    queryKey: ['pledge-progress-reports', id],
    queryFn: () => unwrap(api.GET('/api/v1/pledge-progress-reports/{id}', { params: { path: { id } } })),
  });
  if (!progress.data) return <Loading {...progress} />;
  return (
    <>
      <Typography.Paragraph strong>
        {progress.data.unit.name} · {t('portal.approvals.targets.period')}: {progress.data.period}
      </Typography.Paragraph>
      <TargetsTable rows={progress.data.values} progress />
    </>
  );
}

type TargetRow = Partial<Schemas['TargetDto'] & Schemas['ProgressValueDto']> & { position: number; indicator: string };

function TargetsTable({ rows, progress = false }: { rows: TargetRow[]; progress?: boolean }) {
  const { t } = useTranslation();
  const column = (key: keyof TargetRow) => ({ key, dataIndex: key, title: t(`portal.approvals.targets.${key}`) });
  return (
    <Table<TargetRow>
      rowKey="position"
      size="small"
      pagination={false}
      scroll={{ x: true }}
      dataSource={rows}
      columns={[
        { key: 'position', dataIndex: 'position', title: '#' },
        column('indicator'),
        column('unitOfMeasure'),
        column('targetValue'),
        ...(progress ? [column('actualValue'), column('note')] : [column('baseline')]),
      ]}
    />
  );
}

function RulesSubject({ id }: { id: string }) {
  const { t } = useTranslation();
  const rules = useQuery({
    queryKey: ['rules-versions', id],
    queryFn: () => unwrap(api.GET('/api/v1/rules-versions/{id}', { params: { path: { id } } })),
  });
  if (!rules.data) return <Loading {...rules} />;
  const data = rules.data;
  return (
    <>
      <Typography.Paragraph strong>
        {t('portal.approvals.rules.heading', { number: data.number, title: data.title })}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t('portal.approvals.rules.maxPoints')}: {formatInteger(data.maxPoints)}
      </Typography.Paragraph>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        title={() => t('portal.approvals.rules.criteria')}
        dataSource={data.content.scoring.criteria}
        columns={[
          { key: 'code', dataIndex: 'code', title: t('portal.approvals.rules.code') },
          { key: 'name', dataIndex: 'name', title: t('portal.approvals.rules.name') },
          { key: 'maxPoints', dataIndex: 'maxPoints', title: t('portal.approvals.rules.points') },
        ]}
      />
    </>
  );
}

/** A score sheet has no route by id: it is read in the scoring area. */
function ScoreSheetSubject() {
  const { t } = useTranslation();
  return (
    <Typography.Paragraph>
      {t('portal.approvals.request.scoreSheet')}{' '}
      <Link to="/portal/scoring">{t('portal.approvals.request.toScoring')}</Link>
    </Typography.Paragraph>
  );
}
