import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Space, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { ImportRows } from './import-rows';

type ImportResult = Schemas['PeopleImportResultDto'];

/**
 * Importing people with their mandates: a dry run first (every row checked, nothing written), then
 * the real import of the same file, offered only when the dry run refused no row. Only those who may
 * grant the rows' mandates may import: an administrator here, never the secretariat.
 */
export function PeopleImport({ unitId, isAdmin }: { unitId: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File>();
  const [missingFile, setMissingFile] = useState(false);

  const run = useMutation({
    mutationFn: ({ sheet, dryRun }: { sheet: File; dryRun: boolean }) => {
      const body = new FormData();
      body.append('file', sheet);
      return unwrap(
        api.POST('/api/v1/units/{unitId}/people/import', {
          params: { path: { unitId }, query: { dryRun } },
          // The generated type says `file: string`; the route takes the multipart file itself.
          body: body as unknown as { file: string },
        }),
      );
    },
    onSuccess: (result) => {
      if (result.applied) void queryClient.invalidateQueries({ queryKey: ['units', unitId, 'mandates'] });
    },
  });
  const result: ImportResult | undefined = run.data;
  const start = (dryRun: boolean) => {
    setMissingFile(!file);
    if (file) run.mutate({ sheet: file, dryRun });
  };

  return (
    <section aria-labelledby="registry-import">
      <Typography.Title level={2} id="registry-import">
        {t('console.registry.import.heading')}
      </Typography.Title>
      {!isAdmin ? (
        <Alert type="info" role="note" showIcon title={t('console.registry.import.notAllowed')} />
      ) : (
        <Flex vertical gap="middle">
          <Typography.Paragraph>{t('console.registry.import.explain')}</Typography.Paragraph>
          <div>
            <label htmlFor={inputId}>{t('console.registry.import.file')}</label>{' '}
            <input
              id={inputId}
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-invalid={missingFile}
              onChange={(event) => {
                setFile(event.target.files?.[0]);
                setMissingFile(false);
                run.reset();
              }}
            />
          </div>
          {missingFile && (
            <Alert role="alert" type="warning" showIcon title={t('console.registry.import.chooseFile')} />
          )}
          <Space wrap>
            <Button onClick={() => start(true)} loading={run.isPending && run.variables?.dryRun}>
              {t('console.registry.import.dryRun')}
            </Button>
            <Button
              type="primary"
              onClick={() => start(false)}
              disabled={!result?.dryRun || result.errors.length > 0}
              loading={run.isPending && run.variables?.dryRun === false}
            >
              {t('console.registry.import.apply')}
            </Button>
          </Space>
          <ProblemAlert error={run.error} />
          {result && <ImportSummary result={result} />}
          {result && <ImportRows result={result} />}
        </Flex>
      )}
    </section>
  );
}

function ImportSummary({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const counts = {
    rows: result.rowCount,
    granted: result.granted,
    unchanged: result.unchanged,
    accounts: result.accountsCreated,
  };
  const refused = result.rows.filter((row) => row.outcome === 'refused').length;
  if (result.applied)
    return <Alert type="success" showIcon title={t('console.registry.import.appliedSummary', counts)} />;
  return (
    <Alert
      role={refused ? 'alert' : 'status'}
      type={refused ? 'error' : 'info'}
      showIcon
      title={t('console.registry.import.dryRunSummary', counts)}
      description={refused ? t('console.registry.import.dryRunRefused', { count: refused }) : undefined}
    />
  );
}
