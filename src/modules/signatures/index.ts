// The signatures module's front door (issue 14): what other modules may import from it. Other
// modules still reach some internals (see .dependency-cruiser-known-violations.json); that list only shrinks.
export { SignedBundleDto } from './dto/signed-bundle.dto';
export type { SignedBundle } from './signed-bundle';
