import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDetailsDto } from '../errors/problem-details';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request: validation_failed, malformed_json, payload_too_deep, invalid_text, invalid_identifier, …',
  401: 'Not signed in, or the token is missing, invalid, expired or revoked',
  403: 'Signed in, but no mandate grants this (forbidden)',
  404: 'No such record',
  409: 'Conflicts with the current state (version_conflict, unique_violation, immutable_record, …)',
  413: 'Body too large',
  414: 'A path parameter is too long (uri_too_long)',
  422: 'Well-formed but breaks a rule of the data',
  429: 'Too many requests; see Retry-After',
};

/** Documents the problem+json answers a route can give. 400/401/403 are implied for protected routes. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
      }),
    ),
  );
}
