import { DomainException, type ErrorDefinition, type FieldError } from './domain.exception';

/** Errors that belong to no single module: transport, validation, and database constraints. */
export enum CommonErrorCode {
  ValidationFailed = 'validation_failed',
  InvalidIdentifier = 'invalid_identifier',
  MalformedJson = 'malformed_json',
  PayloadTooDeep = 'payload_too_deep',
  InvalidText = 'invalid_text',
  MalformedUrl = 'malformed_url',
  UriTooLong = 'uri_too_long',
  MalformedRequest = 'malformed_request',
  HeadersTooLarge = 'headers_too_large',
  RequestTimeout = 'request_timeout',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
  RouteNotFound = 'route_not_found',
  MethodNotAllowed = 'method_not_allowed',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  PermissionNotDeclared = 'permission_not_declared',
  TooManyRequests = 'too_many_requests',
  UniqueViolation = 'unique_violation',
  ReferenceViolation = 'reference_violation',
  ConstraintViolation = 'constraint_violation',
  ConcurrentUpdate = 'concurrent_update',
  VersionConflict = 'version_conflict',
  IfMatchInvalid = 'if_match_invalid',
  ImmutableRecord = 'immutable_record',
  InvalidValue = 'invalid_value',
  DatabaseUnavailable = 'database_unavailable',
  InternalError = 'internal_error',
}

export const COMMON_ERRORS: Record<CommonErrorCode, ErrorDefinition> = {
  [CommonErrorCode.ValidationFailed]: { status: 400, title: 'The request is not valid' },
  [CommonErrorCode.InvalidIdentifier]: { status: 400, title: 'The identifier in the path is not valid' },
  [CommonErrorCode.MalformedJson]: { status: 400, title: 'The request body is not valid JSON' },
  [CommonErrorCode.PayloadTooDeep]: { status: 400, title: 'The request body nests objects and arrays too deeply' },
  [CommonErrorCode.InvalidText]: { status: 400, title: 'A text value contains a character that is not allowed' },
  [CommonErrorCode.MalformedUrl]: { status: 400, title: 'The URL is not validly encoded' },
  [CommonErrorCode.UriTooLong]: { status: 414, title: 'A part of the URL is too long' },
  [CommonErrorCode.MalformedRequest]: { status: 400, title: 'The HTTP request cannot be read' },
  [CommonErrorCode.HeadersTooLarge]: { status: 431, title: 'The request headers are too large' },
  [CommonErrorCode.RequestTimeout]: { status: 408, title: 'The request took too long to arrive' },
  [CommonErrorCode.PayloadTooLarge]: { status: 413, title: 'The request body is too large' },
  [CommonErrorCode.UnsupportedMediaType]: { status: 415, title: 'The request body has an unsupported media type' },
  [CommonErrorCode.RouteNotFound]: { status: 404, title: 'No such route' },
  [CommonErrorCode.MethodNotAllowed]: { status: 405, title: 'Method not allowed' },
  [CommonErrorCode.Unauthenticated]: { status: 401, title: 'Authentication is required' },
  [CommonErrorCode.Forbidden]: { status: 403, title: 'You may not do this' },
  [CommonErrorCode.PermissionNotDeclared]: { status: 403, title: 'This route declares no permission' },
  [CommonErrorCode.TooManyRequests]: { status: 429, title: 'Too many requests' },
  [CommonErrorCode.UniqueViolation]: { status: 409, title: 'A record with the same unique value already exists' },
  [CommonErrorCode.ReferenceViolation]: { status: 409, title: 'A referenced record does not exist or is still in use' },
  [CommonErrorCode.ConstraintViolation]: { status: 422, title: 'The change breaks a rule of the data' },
  [CommonErrorCode.ConcurrentUpdate]: { status: 409, title: 'The record was changed by someone else at the same time' },
  [CommonErrorCode.VersionConflict]: { status: 409, title: 'The record was changed since you read it' },
  [CommonErrorCode.IfMatchInvalid]: { status: 400, title: 'The If-Match header is not an ETag of this API' },
  [CommonErrorCode.ImmutableRecord]: { status: 409, title: 'The record can no longer be changed' },
  [CommonErrorCode.InvalidValue]: { status: 400, title: 'A value has the wrong form' },
  [CommonErrorCode.DatabaseUnavailable]: { status: 503, title: 'The database is not available' },
  [CommonErrorCode.InternalError]: { status: 500, title: 'Internal error' },
};

export class CommonException extends DomainException<CommonErrorCode> {
  readonly definitions = COMMON_ERRORS;

  static validation(errors: FieldError[], detail = 'Some fields are missing or have the wrong form.'): CommonException {
    return new CommonException(CommonErrorCode.ValidationFailed, detail, { errors });
  }
}
