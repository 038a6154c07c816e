import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem, unwrap, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { saveAnswer } from '../reports/download-file';
import { usePoints } from './points';
import { useRanking, type Stage } from './scoring-queries';
import { TieBreakExplained } from './tie-break-explained';
import { EmptyText } from '../../ui/readable';

type Period = Schemas['ScoringPeriodResponseDto'];
type Row = Schemas['RankingRowDto'];

/** The ranking at a stage, its tie-break in words, the CSV, and adopting it (thông qua kết quả). */
export function RankingPanel({ period }: { period: Period }) {
  const { t } = useTranslation();
  const points = usePoints();
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<Stage>('final');
  const ranking = useRanking(period.id, stage);
  const path = { periodId: period.id };

  const adopt = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/scoring-periods/{periodId}/adopt', {
          params: { path },
          body: { expectedVersion: period.version },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['scoring-periods', period.id] }),
  });
  const csv = useMutation({
    mutationFn: () =>
      saveAnswer(
        api.GET('/api/v1/scoring-periods/{periodId}/ranking.csv', {
          params: { path, query: { stage } },
          parseAs: 'blob',
        }),
        `xep-hang-${stage}.csv`,
      ),
  });
  const data = ranking.data;
  const leading = data?.rows.find((row) => row.unitId === data.leadingUnitId);
  const missingSheets = adopt.error instanceof ApiProblem ? (adopt.error.problem.units as { unitName: string }[]) : [];

  return (
    <section aria-labelledby="scoring-ranking">
      <Typography.Title level={2} id="scoring-ranking">
        {t('console.scoring.ranking.title')}
      </Typography.Title>
      <Space wrap>
        <span id="ranking-stage">{t('console.scoring.ranking.stage')}</span>
        <Segmented<Stage>
          aria-labelledby="ranking-stage"
          value={stage}
          onChange={setStage}
          options={(['self', 'reviewed', 'final'] as const).map((value) => ({
            value,
            label: t(`console.scoring.stage.${value}`),
          }))}
        />
        <Button loading={csv.isPending} onClick={() => csv.mutate()}>
          {t('console.scoring.ranking.csv')}
        </Button>
      </Space>
      <ProblemAlert error={ranking.error ?? csv.error} />
      {data?.adopted ? (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={t('console.scoring.ranking.adopted', { unit: leading?.unitName ?? '—' })}
          description={t('console.scoring.ranking.digest', { digest: data.rankingDigest })}
        />
      ) : null}
      <Table<Row>
        rowKey="unitId"
        size="small"
        pagination={false}
        loading={ranking.isFetching}
        dataSource={data?.rows ?? []}
        style={{ marginTop: 12 }}
        locale={{ emptyText: <EmptyText>{t('console.scoring.ranking.empty')}</EmptyText> }}
        columns={[
          {
            key: 'rank',
            title: t('console.scoring.ranking.rank'),
            render: (_, row) => (
              <Space>
                {row.rank}
                {row.tied ? <Tag>{t('console.scoring.ranking.tied')}</Tag> : null}
              </Space>
            ),
          },
          { key: 'unit', title: t('console.scoring.unit'), dataIndex: 'unitName' },
          ...(['total', 'criteria', 'bonus', 'penalty'] as const).map((field) => ({
            key: field,
            title: t(`console.scoring.ranking.${field}`),
            align: 'right' as const,
            render: (_: unknown, row: Row) => points(row[field]),
          })),
          ...(data?.groups ?? []).map((group) => ({
            key: `group-${group.code}`,
            title: t('console.scoring.ranking.group', { code: group.code, name: group.name }),
            align: 'right' as const,
            render: (_: unknown, row: Row) => points((row.groups as Record<string, string>)[group.code]),
          })),
        ]}
      />
      {data ? <TieBreakExplained ranking={data} /> : null}
      {data && data.missingUnits.length > 0 ? (
        <Typography.Paragraph>
          {t('console.scoring.ranking.missing', { names: data.missingUnits.map((unit) => unit.unitName).join(', ') })}
        </Typography.Paragraph>
      ) : null}
      {period.status === 'adopted' ? null : (
        <>
          <Typography.Paragraph>{t('console.scoring.ranking.adoptLead')}</Typography.Paragraph>
          {adopt.error ? <ProblemAlert error={adopt.error} title={t('console.scoring.ranking.adoptRefused')} /> : null}
          {missingSheets?.length ? (
            <Typography.Paragraph>
              {t('console.scoring.ranking.adoptMissing', {
                names: missingSheets.map((unit) => unit.unitName).join(', '),
              })}
            </Typography.Paragraph>
          ) : null}
          <Button type="primary" loading={adopt.isPending} onClick={() => adopt.mutate()}>
            {t('console.scoring.ranking.adopt')}
          </Button>
          <div role="status" aria-live="polite">
            {adopt.isPending ? t('console.scoring.ranking.adopting') : null}
          </div>
        </>
      )}
    </section>
  );
}
