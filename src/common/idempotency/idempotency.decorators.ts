import { SetMetadata } from '@nestjs/common';

export const OWN_IDEMPOTENCY_SCHEME_KEY = 'thidua:own-idempotency-scheme';

/**
 * The route reads `Idempotency-Key` itself with rules of its own (the ballot: a key that is never
 * stored with the voter), so the global interceptor leaves it alone.
 */
export const OwnIdempotencyScheme = () => SetMetadata(OWN_IDEMPOTENCY_SCHEME_KEY, true);
