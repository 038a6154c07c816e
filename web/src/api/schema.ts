// The types generated from the served OpenAPI document (npm run api:generate; decision 026).
// Pages use these and the client below — never request or response types written by hand.
export type { components, paths } from '../../../src/api-client/schema';
import type { components } from '../../../src/api-client/schema';

export type Schemas = components['schemas'];
