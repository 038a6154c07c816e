import { Route, Routes } from 'react-router';
import { registerMessages } from '../../i18n/i18n';
import { MeetingList } from './meeting-list';
import { MeetingPage } from './meeting-page';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { PollPage } from './poll-page';

registerMessages({ vi, en });

/** The year's meetings, one meeting (register, quorum, polls), one poll (board, count, record). */
export default function MeetingsArea() {
  return (
    <>
      <Routes>
        <Route index element={<MeetingList />} />
        <Route path=":meetingId" element={<MeetingPage />} />
        <Route path=":meetingId/polls/:pollId" element={<PollPage />} />
      </Routes>
    </>
  );
}
