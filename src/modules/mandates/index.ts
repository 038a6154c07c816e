// The mandates module's front door (issue 14): what other modules may import from it — who held
// which mandate, seat or role when, read in the caller's transaction.
export {
  mandateHeldAt,
  mandateInUnitNow,
  type MandateInForce,
  mandateRecords,
  type MandateRecord,
  mandatesInForceNow,
  secretariatMandateAt,
} from './mandate-facts';
export { holdsSeatNow, seatsHeldNow, type UnitSeat } from './unit-seats';
