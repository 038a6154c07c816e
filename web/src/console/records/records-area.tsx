import { Route, Routes } from 'react-router';
import { registerMessages } from '../../i18n/i18n';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { RecordsPage } from './records-page';
import './records.css';

registerMessages({ vi, en });

/** Records and ledger: one screen. */
export default function RecordsArea() {
  return (
    <>
      <Routes>
        <Route index element={<RecordsPage />} />
      </Routes>
    </>
  );
}
