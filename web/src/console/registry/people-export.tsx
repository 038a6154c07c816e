import { useMutation } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';

type Format = 'xlsx' | 'csv';

/** Hands a downloaded file to the browser under a name (the API needs the bearer token, so no plain link). */
function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  URL.revokeObjectURL(url);
}

/** The unit's people sheet, in the same columns the import reads (docs/registry.md "People sheets"). */
export function PeopleExport({ unitId, unitCode }: { unitId: string; unitCode?: string }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: async (format: Format) => {
      const blob = await unwrap(
        api.GET('/api/v1/units/{unitId}/people/export', {
          params: { path: { unitId }, query: { format } },
          parseAs: 'blob',
        }),
      );
      saveFile(blob as Blob, `nhan-su-${unitCode ?? unitId}.${format}`);
    },
  });
  return (
    <section aria-labelledby="registry-export">
      <Typography.Title level={2} id="registry-export">
        {t('console.registry.export.heading')}
      </Typography.Title>
      <ProblemAlert error={download.error} />
      <Space wrap>
        {(['xlsx', 'csv'] as const).map((format) => (
          <Button
            key={format}
            onClick={() => download.mutate(format)}
            loading={download.isPending && download.variables === format}
          >
            {t(`console.registry.export.${format}`)}
          </Button>
        ))}
      </Space>
    </section>
  );
}
