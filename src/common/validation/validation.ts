import { ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { CommonErrorCode, CommonException } from '../errors/common.exception';
import type { FieldError } from '../errors/domain.exception';

/** Field paths as a client writes them: `entries[3].selfScore` for an array item, `a.b` for an object. */
function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    // class-validator names an array item's error by its index.
    const field = /^\d+$/.test(error.property)
      ? `${prefix}[${error.property}]`
      : prefix
        ? `${prefix}.${error.property}`
        : error.property;
    const own: FieldError[] = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The global pipe: unknown fields are refused, not silently dropped, and types are converted. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => CommonException.validation(flatten(errors)),
  });
}

/** `@Param('id', UuidParam)`: a malformed id is a 400 with a code, not a database error. */
export const UuidParam = new ParseUUIDPipe({
  exceptionFactory: () =>
    new CommonException(CommonErrorCode.InvalidIdentifier, 'The identifier in the path must be a UUID.'),
});
