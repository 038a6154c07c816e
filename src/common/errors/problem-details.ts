import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldError } from './domain.exception';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `urn:thidua:problem:${code}`;
}

class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'email' }) field: string;
  @ApiProperty({ example: ['email must be an email'] }) messages: string[];
  @ApiPropertyOptional({
    example: 'score_out_of_range',
    description: "The field's own problem code, where one request lists several refusals (bulk requests).",
  })
  code?: string;
}

/** RFC 9457 problem details, as every error of this API is answered. */
export class ProblemDetailsDto {
  @ApiProperty({
    example: 'urn:thidua:problem:validation_failed',
    description: 'A URN naming the problem; `code` is its last part.',
  })
  type: string;

  @ApiProperty({ example: 'The request is not valid' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiPropertyOptional({ example: 'Some fields are missing or have the wrong form.' })
  detail?: string;

  @ApiProperty({
    example: 'validation_failed',
    description: 'Stable machine-readable code; see docs/api.md for the list.',
  })
  code: string;

  @ApiPropertyOptional({ example: '/api/v1/auth/login' })
  instance?: string;

  @ApiPropertyOptional({ example: 'req-7f3c9a' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Per-field messages, for validation errors.' })
  errors?: FieldErrorDto[];
}
