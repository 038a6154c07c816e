import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import type { EvidenceLimits } from './evidence-check';
import { EvidencePanel } from './evidence-panel';
import { ExplanationForm } from './explanation-form';
import type { SheetRow } from './sheet-rows';

/** A criterion's evidence (and, after review, the unit's explanation), beside the sheet. */
export function EvidenceDrawer({
  row,
  sheet,
  limits,
  editable,
  onClose,
}: {
  row: SheetRow | null;
  sheet: Schemas['ScoreSheetResponseDto'];
  limits: EvidenceLimits;
  editable: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={row !== null}
      onClose={onClose}
      size="large"
      title={row ? t('portal.scoring.evidence.title', { code: row.code, name: row.name }) : ''}
      closable={{ 'aria-label': t('portal.scoring.evidence.close') }}
      destroyOnHidden
    >
      {row && (
        <>
          <EvidencePanel
            periodId={sheet.periodId}
            unitId={sheet.unitId}
            itemCode={row.code}
            limits={limits}
            editable={editable && row.entry?.selfScore != null}
          />
          <ExplanationForm row={row} sheet={sheet} />
        </>
      )}
    </Drawer>
  );
}
