import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { hundredthsOf, showPoints } from './points';
import type { SheetRow } from './sheet-rows';

const shown = (points: string | null | undefined) => {
  const value = hundredthsOf(points);
  return value === null ? '' : showPoints(value);
};

/** What the cross-review said of a line (after the sheet is submitted): the score, the comment, the final. */
export function ReviewCell({ row }: { row: SheetRow; sheet: Schemas['ScoreSheetResponseDto'] }) {
  const { t } = useTranslation();
  const entry = row.entry;
  if (!entry?.reviewedScore) return <span className="portal-muted">{t('portal.scoring.review.none')}</span>;
  return (
    <div>
      <div>{t('portal.scoring.review.score', { score: shown(entry.reviewedScore) })}</div>
      {entry.reviewComment ? <div>{t('portal.scoring.review.comment', { comment: entry.reviewComment })}</div> : null}
      {entry.finalScore ? <div>{t('portal.scoring.review.final', { score: shown(entry.finalScore) })}</div> : null}
    </div>
  );
}
