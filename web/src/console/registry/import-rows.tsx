import { Badge, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';

type ImportResult = Schemas['PeopleImportResultDto'];
type ImportRow = ImportResult['rows'][number];
type ImportError = ImportResult['errors'][number];

const OUTCOME_BADGE = { granted: 'success', unchanged: 'default', refused: 'error' } as const;

/** Each row of the sheet with its outcome and, for a refused row, every reason in words. */
export function ImportRows({ result }: { result: ImportResult }) {
  const { t, i18n } = useTranslation();
  const errorsByRow = new Map<number, ImportError[]>();
  for (const error of result.errors) errorsByRow.set(error.row, [...(errorsByRow.get(error.row) ?? []), error]);
  const sentence = (error: ImportError) => {
    const text = i18n.language === 'en' ? error.message.en : error.message.vi;
    return error.column ? `${t('console.registry.import.column', { column: error.column })}: ${text}` : text;
  };

  const columns: ColumnsType<ImportRow> = [
    { key: 'row', dataIndex: 'row', title: t('console.registry.import.row') },
    { key: 'email', dataIndex: 'email', title: t('console.registry.import.email') },
    {
      key: 'role',
      dataIndex: 'role',
      title: t('console.registry.import.role'),
      render: (value: string | null) =>
        value && i18n.exists(`console.registry.people.roleValue.${value}`)
          ? t(`console.registry.people.roleValue.${value}`)
          : value,
    },
    {
      key: 'outcome',
      dataIndex: 'outcome',
      title: t('console.registry.import.outcome'),
      render: (value: string) => (
        <Badge
          status={OUTCOME_BADGE[value as keyof typeof OUTCOME_BADGE] ?? 'default'}
          text={t(
            `console.registry.import.outcomeValue.${value === 'granted' && result.applied ? 'grantedApplied' : value}`,
          )}
        />
      ),
    },
    {
      key: 'problems',
      title: t('console.registry.import.problems'),
      render: (_, row) => (
        <ul style={{ margin: 0, paddingInlineStart: 16 }}>
          {(errorsByRow.get(row.row) ?? []).map((error, index) => (
            <li key={index}>{sentence(error)}</li>
          ))}
        </ul>
      ),
    },
  ];
  // Errors of the whole sheet may name a row the rows list lacks; they still show, under their row number.
  const rows = [...result.rows];
  for (const row of errorsByRow.keys()) {
    if (!rows.some((item) => item.row === row))
      rows.push({ row, email: null, role: null, outcome: 'refused', accountCreated: false, mandateId: null });
  }
  rows.sort((a, b) => a.row - b.row);
  return <Table<ImportRow> rowKey="row" dataSource={rows} columns={columns} size="small" pagination={false} />;
}
