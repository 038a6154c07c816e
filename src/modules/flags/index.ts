// The flags module's front door (issue 14): what other modules may import from it. Other modules
// still reach some internals (see .dependency-cruiser-known-violations.json); that list only shrinks.
export { FlagsModule } from './flags.module';
export { FlagHandoversService } from './flag-handovers.service';
export { handoverRecord } from './flag-handover-document';
export { findHandover, HANDOVER_SUBJECT_TYPE } from './flag-handover-steps';
export {
  completedHandoversOfDocuments,
  handoverCustodyPeriods,
  type HandoverCustodyPeriod,
} from './handover-record-facts';
