import { Route, Routes } from 'react-router';
import { registerMessages } from '../../i18n/i18n';
import { CountingRecordSigning } from './counting-record-signing';
import { HandoverSigning } from './handover-signing';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { PledgeSigning } from './pledge-signing';
import { SigningInbox } from './signing-inbox';

registerMessages({ vi, en });

/** /portal/signing: what waits for this person's signature (the head's, a counting board member's), each document read then signed on this device. */
export default function SigningArea() {
  return (
    <Routes>
      <Route index element={<SigningInbox />} />
      <Route path="pledge/:unitPledgeId" element={<PledgeSigning />} />
      <Route path="handover/:handoverId/:step" element={<HandoverSigning />} />
      <Route path="counting-record/:pollId" element={<CountingRecordSigning />} />
    </Routes>
  );
}
