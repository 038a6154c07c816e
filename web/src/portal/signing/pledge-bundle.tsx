import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';

/** Saves a JSON value as a file the browser downloads. */
function download(value: unknown, fileName: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The sealed pledge's signed bundle, to check offline with `npm run verify-pledge` (docs/signatures.md). */
export function PledgeBundle({ pledgeId }: { pledgeId: string }) {
  const { t } = useTranslation();
  const path = { id: pledgeId };
  const pledge = useQuery({
    queryKey: ['pledges', pledgeId],
    queryFn: () => unwrap(api.GET('/api/v1/pledges/{id}', { params: { path } })),
  });
  const fetchBundle = useMutation({
    mutationFn: () => unwrap(api.GET('/api/v1/pledges/{id}/bundle', { params: { path } })),
    onSuccess: (bundle) => download(bundle, `giao-uoc-${pledgeId}.json`),
  });
  if (!pledge.data) return null;
  const sealed = pledge.data.status === 'sealed';
  return (
    <section aria-labelledby="pledge-bundle-title">
      <Typography.Title level={2} id="pledge-bundle-title">
        {t('portal.signing.pledge.bundle.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('portal.signing.pledge.bundle.explain')}</Typography.Paragraph>
      {sealed ? (
        <Button onClick={() => fetchBundle.mutate()} loading={fetchBundle.isPending}>
          {t('portal.signing.pledge.bundle.download')}
        </Button>
      ) : (
        <Typography.Paragraph type="secondary">{t('portal.signing.pledge.bundle.notSealed')}</Typography.Paragraph>
      )}
      <ProblemAlert error={fetchBundle.error} />
    </section>
  );
}
