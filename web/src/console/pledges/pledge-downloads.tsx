import { useMutation } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { saveAnswer } from '../reports/download-file';

type Pledge = Schemas['PledgeResponseDto'];

/** The version's record as a PDF, and its signed bundle (JSON) for `npm run verify-pledge`. */
export function PledgeDownloads({ pledge, headingLevel = 2 }: { pledge: Pledge; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const path = { id: pledge.id };
  const download = useMutation({
    mutationFn: (what: 'pdf' | 'bundle') =>
      what === 'pdf'
        ? saveAnswer(
            api.GET('/api/v1/pledges/{id}/record.pdf', { params: { path }, parseAs: 'blob' }),
            `giao-uoc-v${pledge.number}.pdf`,
          )
        : saveAnswer(api.GET('/api/v1/pledges/{id}/bundle', { params: { path } }), `giao-uoc-v${pledge.number}.json`),
  });
  const busy = download.isPending ? download.variables : undefined;
  return (
    <section aria-label={t('console.pledges.downloads.title', { number: pledge.number })}>
      <Typography.Title level={headingLevel}>
        {t('console.pledges.downloads.title', { number: pledge.number })}
      </Typography.Title>
      <Space wrap>
        <Button loading={busy === 'pdf'} onClick={() => download.mutate('pdf')}>
          {t('console.pledges.downloads.pdf', { number: pledge.number })}
        </Button>
        <Button loading={busy === 'bundle'} onClick={() => download.mutate('bundle')}>
          {t('console.pledges.downloads.bundle', { number: pledge.number })}
        </Button>
      </Space>
      <div role="status" aria-live="polite">
        {busy ? t(`console.pledges.downloads.making.${busy}`) : null}
      </div>
      <ProblemAlert error={download.error} />
    </section>
  );
}
