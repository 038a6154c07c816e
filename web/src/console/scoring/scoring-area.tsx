import { Route, Routes } from 'react-router';
import { registerMessages } from '../../i18n/i18n';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { PeriodPage } from './period-page';
import { PeriodsPage } from './periods-page';
import { SheetPage } from './sheet-page';

registerMessages({ vi, en });

/** Scoring (chấm điểm): periods, cross-review assignments, the sheets, finals, the ranking and its adoption. */
export default function ScoringArea() {
  return (
    <>
      <Routes>
        <Route index element={<PeriodsPage />} />
        <Route path="periods/:periodId" element={<PeriodPage />} />
        <Route path="periods/:periodId/units/:unitId" element={<SheetPage />} />
      </Routes>
    </>
  );
}
