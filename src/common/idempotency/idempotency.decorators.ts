/**
 * Set on a route that reads `Idempotency-Key` itself with rules of its own (the ballot: a key that is
 * never stored with the voter): `@RequirePermission(permission, { ownIdempotencyScheme: true })`, which
 * then leaves `IdempotencyInterceptor` off the route (decision 033).
 */
export const OWN_IDEMPOTENCY_SCHEME_KEY = 'thidua:own-idempotency-scheme';
