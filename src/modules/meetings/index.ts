// The meetings module's front door (issue 14): what other modules may import from it.
export { releaseLapsedSeats } from './lapsed-seats';
export { meetingPresence, pinnedRules, reachesShare } from './meeting-presence';
export { SITTING_ROLES } from './meeting.policy';
export { MeetingsException } from './meetings.exception';
export { MeetingsModule } from './meetings.module';
export { assertMeetingNotClosed, findMeeting, MeetingsService } from './meetings.service';
export { type AttendanceSeat, presentAttendanceCount, presentSeats, seatsTakenBy } from './attendance-facts';
