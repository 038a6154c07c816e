import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ProblemDetailsDto } from '../errors/problem-details';
import { documentIdempotencyKey } from '../idempotency/idempotency.openapi';

/**
 * The OpenAPI document served at /docs-json: the contract `redocly lint` checks in CI and the
 * generated client (src/api-client) is made from. Routes describe themselves with decorators;
 * this adds what belongs to the whole document.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('thidua')
      .setDescription(
        'The yearly cycle of an emulation cluster (cụm thi đua): registry, mandates, approvals, ' +
          'rules, pledges, scoring, secret-ballot elections and the rotating flag. Every error is ' +
          '`application/problem+json` with a stable `code` (see docs/api.md).',
      )
      .setVersion('1')
      .setLicense('MIT', 'https://opensource.org/license/mit')
      // Paths carry the /api/v1 prefix: the API is served from the root of whatever host serves it.
      .addServer('/', 'This service (the host that served this document)')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
    { extraModels: [ProblemDetailsDto] },
  );
  const contract = withPublicRoutesUnsecured(document);
  documentIdempotencyKey(contract);
  return contract;
}

/**
 * `@Public()` routes (login, refresh, logout, health) say so with `security: []`: without it a
 * reader cannot tell "no token needed" from "forgot to document the token". The decorator marks
 * them `x-permission: public`; @nestjs/swagger has no decorator for an empty requirement.
 */
function withPublicRoutesUnsecured(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch]) {
      if (operation && (operation as { 'x-permission'?: string })['x-permission'] === 'public') operation.security = [];
    }
  }
  return document;
}
