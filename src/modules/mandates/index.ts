// The mandates module's front door (issue 14): what other modules may import from it.
export { holdsSeatNow, seatsHeldNow, type UnitSeat } from './unit-seats';
