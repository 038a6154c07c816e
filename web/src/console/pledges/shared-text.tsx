import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { AmendPledgeForm, EditSharedTextForm } from './shared-text-forms';

type Pledge = Schemas['PledgeResponseDto'];

/**
 * The shared commitments of the current version. While nobody has signed, the text is edited in
 * place; once a unit signed (or the version is sealed) a change is an amendment: a new version that
 * every unit approves and signs again.
 */
export function SharedText({ pledge }: { pledge: Pledge }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'edit' | 'amend' | null>(null);
  const signed = pledge.units.some((unit) => unit.status === 'signed') || pledge.status === 'sealed';
  return (
    <section aria-labelledby="pledges-text">
      <Typography.Title level={2} id="pledges-text">
        {t('console.pledges.text.title')}
      </Typography.Title>
      {pledge.amendmentReason ? (
        <Typography.Paragraph>
          {t('console.pledges.text.amendedBecause', { reason: pledge.amendmentReason })}
        </Typography.Paragraph>
      ) : null}
      <blockquote style={{ margin: 0, padding: '8px 16px', borderLeft: '4px solid #a50e0e', whiteSpace: 'pre-wrap' }}>
        {pledge.sharedText}
      </blockquote>
      <Typography.Paragraph>
        {signed ? t('console.pledges.text.frozen') : t('console.pledges.text.editable')}
      </Typography.Paragraph>
      {open === null ? (
        <Button onClick={() => setOpen(signed ? 'amend' : 'edit')}>
          {signed ? t('console.pledges.amend.open') : t('console.pledges.edit.open')}
        </Button>
      ) : open === 'edit' ? (
        <EditSharedTextForm pledge={pledge} onDone={() => setOpen(null)} />
      ) : (
        <AmendPledgeForm pledge={pledge} onDone={() => setOpen(null)} />
      )}
    </section>
  );
}
