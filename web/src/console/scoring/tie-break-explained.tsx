import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';

/** The rules' tie-break order in words, and which of them actually separated units in this table. */
export function TieBreakExplained({ ranking }: { ranking: Schemas['RankingResponseDto'] }) {
  const { t } = useTranslation();
  const tied = ranking.rows.some((row) => row.tied);
  return (
    <section aria-labelledby="ranking-tie-break">
      <Typography.Title level={3} id="ranking-tie-break">
        {t('console.scoring.tieBreak.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('console.scoring.tieBreak.lead')}</Typography.Paragraph>
      <ol>
        {ranking.tieBreakOrder.map((rule) => (
          <li key={rule}>{t(`console.scoring.tieBreak.rule.${rule}`, { defaultValue: rule })}</li>
        ))}
      </ol>
      <Typography.Paragraph>
        {ranking.tieBreaks.length > 0
          ? t('console.scoring.tieBreak.used', {
              rules: ranking.tieBreaks
                .map((rule) => t(`console.scoring.tieBreak.short.${rule}`, { defaultValue: rule }))
                .join('; '),
            })
          : tied
            ? t('console.scoring.tieBreak.stillTied')
            : t('console.scoring.tieBreak.none')}
      </Typography.Paragraph>
    </section>
  );
}
