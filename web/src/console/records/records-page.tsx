import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConsoleScope } from '../console-scope';
import { LedgerEntries } from './ledger-entries';
import { LedgerPanel } from './ledger-panel';
import { YearRecords } from './year-records';

/** Records and ledger (`/console/records`): the chosen year's PDFs, the ledger's head and check, its entries. */
export function RecordsPage() {
  const { t } = useTranslation();
  const scope = useConsoleScope();
  return (
    <div>
      <Typography.Title level={1}>{t('console.menu.records')}</Typography.Title>
      {scope.cycle ? (
        <YearRecords cycle={scope.cycle} />
      ) : (
        <Typography.Paragraph>{t('console.records.noYear')}</Typography.Paragraph>
      )}
      <LedgerPanel />
      <LedgerEntries />
    </div>
  );
}
