import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsDto } from '../errors/problem-details';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_MAX_LENGTH } from './idempotency-key';

// The package exports only the document's type; its parts are read from it.
type OperationObject = NonNullable<OpenAPIObject['paths'][string]['post']>;
type ParameterOrReference = NonNullable<OperationObject['parameters']>[number];

const PARAMETER: ParameterOrReference = {
  name: IDEMPOTENCY_KEY_HEADER,
  in: 'header',
  required: false,
  description:
    'Makes a retry safe (IETF draft httpapi-idempotency-key-header): a new random key (a UUID) per request, the ' +
    'same one on its retries. For 24 hours, a retry with the same key, route and body gets the first answer ' +
    '(marked `Idempotent-Replayed: true`) without running again; the same key with another route or body is 422 ' +
    'idempotency_key_reused; while the first still runs, 409 idempotency_key_in_progress. Kept per person. ' +
    'See docs/api.md.',
  schema: { type: 'string', minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX_LENGTH, pattern: '^[\\x20-\\x7e]+$' },
  example: '8e03978e-40d5-43e8-bc93-6894a57f9324',
};

const PROBLEM = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${ProblemDetailsDto.name}` } } };

/**
 * Declares `Idempotency-Key` on every operation the interceptor serves: the POSTs of signed-in
 * people, except those that declare the header themselves (the ballot). One shared parameter.
 */
export function documentIdempotencyKey(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.parameters = { ...document.components.parameters, IdempotencyKey: PARAMETER };
  for (const item of Object.values(document.paths)) {
    const operation = item.post as (OperationObject & { 'x-permission'?: string }) | undefined;
    // Public operations: named by their permission, or by an empty `security` list.
    if (!operation || operation['x-permission'] === 'public' || operation.security?.length === 0) continue;
    const parameters: ParameterOrReference[] = operation.parameters ?? [];
    if (parameters.some((p) => 'name' in p && p.name.toLowerCase() === 'idempotency-key')) continue;
    operation.parameters = [...parameters, { $ref: '#/components/parameters/IdempotencyKey' }];
    operation.responses ??= {};
    operation.responses['409'] ??= { description: 'Conflicts with the current state', content: PROBLEM };
    operation.responses['422'] ??= { description: 'Well-formed but breaks a rule of the data', content: PROBLEM };
  }
  return document;
}
