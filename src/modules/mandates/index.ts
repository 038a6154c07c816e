// The mandates module's front door (issue 14): what other modules may import from it — who held
// which mandate when, read in the caller's transaction. Other modules still reach some internals
// (see .dependency-cruiser-known-violations.json); that list only shrinks.
export { mandateHeldAt, type MandateInForce, mandatesInForceNow } from './mandate-facts';
