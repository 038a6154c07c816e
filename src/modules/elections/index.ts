// The elections module's front door (issue 14): what other modules may import from it. Other modules
// still reach some internals (see .dependency-cruiser-known-violations.json); that list only shrinks.
export { ElectionsModule } from './elections.module';
export { CertificationService } from './certification.service';
export { MOTION_NO, MOTION_YES } from './ballot-choice';
export { buildCountingRecord } from './counting-record';
export { ElectionsErrorCode, ElectionsException } from './elections.exception';
export { openPollTurnout } from './open-poll-turnout';
export { findPoll, POLL_SUBJECT } from './poll-store';
export {
  candidatePositions,
  certifiedPollsOfCountingRecords,
  pollCitation,
  type PollCitation,
} from './poll-record-facts';
