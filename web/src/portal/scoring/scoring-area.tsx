import { useQuery } from '@tanstack/react-query';
import { Alert, Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatDate } from '../../format/format';
import { registerMessages } from '../../i18n/i18n';
import { ProblemAlert } from '../../ui/problem-alert';
import { useScoringPeriods, useSheet } from '../home/todo-queries';
import { usePortalScope } from '../portal-scope';
import { returnOf, useApprovalRequest } from '../reports/returned-notice';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { ScoreSheetForm } from './score-sheet-form';
import '../home/officer.css';

registerMessages({ vi, en });

/** `/portal/scoring`: the unit's self-scoring sheet for a scoring period of the year, with evidence. */
export default function ScoringArea() {
  const { t } = useTranslation();
  const { unit, cycle, hasRole } = usePortalScope();
  const periods = useScoringPeriods(cycle?.id);
  const [chosen, setChosen] = useState<string>();
  const period = periods.data?.items.find((item) => item.id === chosen) ?? periods.data?.items[0];
  const sheet = useSheet(period?.id, unit?.id);
  const limits = useQuery({
    queryKey: ['portal', 'evidence-limits'],
    queryFn: () => unwrap(api.GET('/api/v1/evidence-limits')),
    staleTime: Infinity,
  });
  const request = useApprovalRequest(sheet.data?.status === 'draft' ? sheet.data.approval : null);
  const returned = returnOf(request.data);

  const body = () => {
    if (!cycle || !unit) return <Alert type="info" title={t('portal.scoring.noCycle')} />;
    if (periods.isPending) return <Spin description={t('portal.scoring.loading')} />;
    if (periods.error) return <ProblemAlert error={periods.error} />;
    if (!period) return <Alert type="info" title={t('portal.scoring.noPeriod')} />;
    if (sheet.error || limits.error) return <ProblemAlert error={sheet.error ?? limits.error} />;
    if (!sheet.data || !limits.data) return <Spin description={t('portal.scoring.loading')} />;
    const status = returned ? 'returned' : sheet.data.status;
    const editable = sheet.data.status === 'draft' && hasRole('officer');
    return (
      <Space orientation="vertical" size="middle" className="portal-block">
        <Space wrap>
          {periods.data.items.length > 1 ? (
            <Select
              aria-label={t('portal.scoring.period')}
              value={period.id}
              onChange={setChosen}
              options={periods.data.items.map((item) => ({ value: item.id, label: item.name }))}
            />
          ) : (
            <span>{period.name}</span>
          )}
          <Tag color={status === 'submitted' ? 'green' : status === 'returned' ? 'orange' : 'blue'}>
            {t(`portal.scoring.status.${status}`)}
          </Tag>
        </Space>
        <Typography.Paragraph>
          {t('portal.scoring.dues', {
            self: formatDate(period.selfScoringDue),
            explain: formatDate(period.explanationDue),
          })}
        </Typography.Paragraph>
        {returned?.comment ? <Alert type="warning" showIcon title={returned.comment} /> : null}
        {sheet.data.status === 'submitted' ? <Alert type="info" title={t('portal.scoring.readOnly')} /> : null}
        {!hasRole('officer') ? <Alert type="info" title={t('portal.scoring.headOnly')} /> : null}
        <ScoreSheetForm
          key={`${period.id}:${sheet.data.version ?? 0}`}
          sheet={sheet.data}
          limits={limits.data}
          editable={editable}
        />
      </Space>
    );
  };

  return (
    <section aria-labelledby="portal-scoring-title" className="portal-page portal-page-wide">
      <Typography.Title level={1} id="portal-scoring-title">
        {t('portal.scoring.title', { year: cycle?.year ?? '' })}
      </Typography.Title>
      <Typography.Paragraph className="portal-muted">{t('portal.scoring.intro')}</Typography.Paragraph>
      {body()}
    </section>
  );
}
