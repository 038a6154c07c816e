import { Route, Routes } from 'react-router';
import './approval-labels';
import { InboxPage } from './inbox-page';
import { RequestPage } from './request-page';

/** The approvals inbox (`/console/approvals`): what the clerk may act on, and each request opened. */
export default function ApprovalsArea() {
  return (
    <>
      <Routes>
        <Route index element={<InboxPage />} />
        <Route path=":requestId" element={<RequestPage />} />
      </Routes>
    </>
  );
}
