// The pledges module's front door (issue 14): what other modules may import from it. Other modules
// still reach some internals (see .dependency-cruiser-known-violations.json); that list only shrinks.
export { PledgesModule } from './pledges.module';
export { PledgeSealService } from './pledge-seal.service';
