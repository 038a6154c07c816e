import { useQuery } from '@tanstack/react-query';
import { Descriptions, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { FixFinalForm } from './fix-final-form';
import { usePoints } from './points';
import { usePeriod } from './scoring-queries';
import { ReadableLink } from '../../ui/readable';

type Sheet = Schemas['ScoreSheetResponseDto'];
type Criterion = Schemas['SheetCriterionDto'];
type Line = Schemas['ScoreLineDto'];

export interface SheetLine {
  code: string;
  name: string;
  kind: 'criterion' | 'bonus' | 'penalty';
  max: number;
  entry?: Line;
}

/** The sheet's scored lines in order: every leaf criterion, then bonus and penalty items. */
export function sheetLines(sheet: Sheet): SheetLine[] {
  const leaves = (criteria: Criterion[]): SheetLine[] =>
    criteria.flatMap((criterion) =>
      criterion.leaf
        ? [
            {
              code: criterion.code,
              name: criterion.name,
              kind: 'criterion' as const,
              max: criterion.maxPoints,
              entry: criterion.entry as Line | undefined,
            },
          ]
        : leaves(criterion.children ?? []),
    );
  const items = (kind: 'bonus' | 'penalty', list: Schemas['SheetItemDto'][]) =>
    list.map((item) => ({ code: item.code, name: item.name, kind, max: item.cap, entry: item.entry }));
  return [...leaves(sheet.criteria), ...items('bonus', sheet.bonus), ...items('penalty', sheet.penalty)];
}

/** `/console/scoring/periods/:periodId/units/:unitId`: one unit's sheet line by line, and fixing finals. */
export function SheetPage() {
  const { t } = useTranslation();
  const points = usePoints();
  const { periodId = '', unitId = '' } = useParams();
  const period = usePeriod(periodId);
  const sheet = useQuery({
    queryKey: ['scoring-periods', periodId, 'sheets', unitId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/scoring-periods/{periodId}/units/{unitId}/sheet', { params: { path: { periodId, unitId } } }),
      ),
  });
  if (sheet.isPending) return <Spin description={t('console.scoring.loading')} />;
  if (sheet.error) return <ProblemAlert error={sheet.error} />;
  const data = sheet.data;
  const lines = sheetLines(data);
  const mayFix = data.status === 'submitted' && period.data?.status === 'open';

  return (
    <section aria-labelledby="sheet-title">
      <ReadableLink to={`/console/scoring/periods/${periodId}`}>{t('console.scoring.backToPeriod')}</ReadableLink>
      <Typography.Title level={1} id="sheet-title">
        {t('console.scoring.sheet.title', { unit: data.unit.name })}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 4 }}
        items={[
          {
            key: 'status',
            label: t('console.scoring.sheets.status'),
            children: <Tag>{t(`console.scoring.sheetStatus.${data.id ? data.status : 'none'}`)}</Tag>,
          },
          ...(['self', 'reviewed', 'final'] as const).map((stage) => ({
            key: stage,
            label: t('console.scoring.sheet.totalAt', { stage: t(`console.scoring.stage.${stage}`) }),
            children: points(data.totals[stage].total),
          })),
        ]}
      />
      <Table<SheetLine>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={lines}
        style={{ marginTop: 12 }}
        columns={[
          { key: 'code', title: t('console.scoring.sheet.code'), dataIndex: 'code' },
          {
            key: 'name',
            title: t('console.scoring.sheet.item'),
            render: (_, line) => (
              <>
                {line.name}
                {line.kind === 'criterion' ? null : (
                  <Tag style={{ marginLeft: 8 }}>{t(`console.scoring.kind.${line.kind}`)}</Tag>
                )}
              </>
            ),
          },
          {
            key: 'max',
            title: t('console.scoring.sheet.max'),
            align: 'right',
            render: (_, line) => points(String(line.max)),
          },
          {
            key: 'self',
            title: t('console.scoring.stage.self'),
            align: 'right',
            render: (_, line) => points(line.entry?.selfScore),
          },
          {
            key: 'reviewed',
            title: t('console.scoring.sheet.reviewed'),
            render: (_, line) =>
              line.entry?.reviewedScore ? (
                <>
                  {points(line.entry.reviewedScore)}
                  {line.entry.reviewComment ? <div style={{ fontSize: 13 }}>{line.entry.reviewComment}</div> : null}
                </>
              ) : (
                '—'
              ),
          },
          {
            key: 'explanation',
            title: t('console.scoring.sheet.explanation'),
            render: (_, line) => line.entry?.explanation ?? '—',
          },
          {
            key: 'final',
            title: t('console.scoring.sheet.final'),
            render: (_, line) => (
              <>
                {points(line.entry?.effectiveFinal)}
                {line.entry?.finalScore ? (
                  <div style={{ fontSize: 13 }}>
                    {t('console.scoring.sheet.fixed', { reason: line.entry.finalReason ?? '' })}
                  </div>
                ) : null}
              </>
            ),
          },
        ]}
      />
      {mayFix ? <FixFinalForm periodId={periodId} unitId={unitId} lines={lines} /> : null}
      {data.status !== 'submitted' ? (
        <Typography.Paragraph style={{ marginTop: 12 }}>{t('console.scoring.sheet.notSubmitted')}</Typography.Paragraph>
      ) : null}
    </section>
  );
}
