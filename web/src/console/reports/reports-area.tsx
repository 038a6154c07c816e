import { Route, Routes } from 'react-router';
import { registerMessages } from '../../i18n/i18n';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { ReportsPage } from './reports-page';

registerMessages({ vi, en });

/** Results reports (báo cáo kết quả): the units' status for the year, the cluster's totals, exports. */
export default function ReportsArea() {
  return (
    <>
      <Routes>
        <Route index element={<ReportsPage />} />
      </Routes>
    </>
  );
}
