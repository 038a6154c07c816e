// The pledges module's front door (issue 14): what other modules may import from it. Other modules
// still reach some internals (see .dependency-cruiser-known-violations.json); that list only shrinks.
export { PledgesModule } from './pledges.module';
export { PledgeSealService } from './pledge-seal.service';
export { PLEDGE_SUBJECT_TYPE, UNIT_PLEDGE_SUBJECT_TYPE } from './pledge.workflows';
export { PledgesException } from './pledges.exception';
export {
  pledgeRecordFacts,
  type PledgeRecordFacts,
  sealedPledgesOfSeals,
  unitPledgeRecordFacts,
  type UnitPledgeRecordFacts,
} from './pledge-record-facts';
export { citableProgressReportIds } from './progress-report-citations';
export { type NewestPledgeFacts, newestPledgeOfCycle } from './pledge-facts';
