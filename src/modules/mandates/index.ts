// The mandates module's front door (issue 14): what other modules may import from it.
export { mandateInUnitNow, mandateRecords, type MandateRecord, secretariatMandateAt } from './mandate-facts';
export { holdsSeatNow, seatsHeldNow, type UnitSeat } from './unit-seats';
