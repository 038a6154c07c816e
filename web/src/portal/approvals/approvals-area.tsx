import { Route, Routes } from 'react-router';
import { registerMessages } from '../../i18n/i18n';
import { ApprovalRequest } from './approval-request';
import { ApprovalsInbox } from './approvals-inbox';
import en from './messages.en.json';
import vi from './messages.vi.json';

registerMessages({ vi, en });

/** /portal/approvals: what waits for the head's decision, each opened, decided, its history shown. */
export default function ApprovalsArea() {
  return (
    <Routes>
      <Route index element={<ApprovalsInbox />} />
      <Route path=":requestId" element={<ApprovalRequest />} />
    </Routes>
  );
}
