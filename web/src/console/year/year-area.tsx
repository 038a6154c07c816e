import { Route, Routes } from 'react-router';
import { registerMessages } from '../../i18n/i18n';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { YearPage } from './year-page';
import './year.css';

registerMessages({ vi, en });

/** The year at a glance (`/console/year`): one screen for the cycle the scope bar chose. */
export default function YearArea() {
  return (
    <>
      <Routes>
        <Route index element={<YearPage />} />
      </Routes>
    </>
  );
}
