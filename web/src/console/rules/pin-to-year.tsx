import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { useConsoleScope } from '../console-scope';

/** Pinning an adopted version to the year the clerk works on (the gate to pledge signing). */
export function PinToYear({ versionId }: { versionId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { cycle, clusterId } = useConsoleScope();
  const queryClient = useQueryClient();
  const pin = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/v1/cycles/{id}/rules-version', {
          params: { path: { id: cycle!.id } },
          body: { rulesVersionId: versionId, expectedVersion: cycle!.version },
        }),
      ),
    onSuccess: (updated) => {
      void message.success(t('console.rules.pin.done', { year: updated.year }));
      void queryClient.invalidateQueries({ queryKey: ['clusters', clusterId, 'cycles'] });
    },
  });
  if (!cycle) return null;
  const year = cycle.year;
  return (
    <section aria-labelledby="rules-pin">
      <Typography.Title level={2} id="rules-pin">
        {t('console.rules.pin.heading')}
      </Typography.Title>
      <Typography.Paragraph>{t('console.rules.pin.explain', { year })}</Typography.Paragraph>
      <ProblemAlert error={pin.error} />
      {cycle.rulesVersionId === versionId ? (
        <Alert type="success" showIcon title={t('console.rules.pin.pinned', { year })} />
      ) : (
        <Button type="primary" onClick={() => pin.mutate()} loading={pin.isPending}>
          {t('console.rules.pin.submit', { year })}
        </Button>
      )}
    </section>
  );
}
