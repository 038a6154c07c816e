import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { CommonErrorCode, COMMON_ERRORS } from './common.exception';
import { errorForConstraint } from './constraint-errors';
import { DomainException } from './domain.exception';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetailsDto } from './problem-details';

interface Mapped {
  code: string;
  status: number;
  title: string;
  detail?: string;
  extensions?: Record<string, unknown>;
}

const FASTIFY_CODES: Record<string, CommonErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: CommonErrorCode.MalformedJson,
  FST_ERR_CTP_EMPTY_JSON_BODY: CommonErrorCode.MalformedJson,
  FST_ERR_CTP_BODY_TOO_LARGE: CommonErrorCode.PayloadTooLarge,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: CommonErrorCode.ValidationFailed,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: CommonErrorCode.UnsupportedMediaType,
  FST_ERR_CTP_INVALID_TYPE: CommonErrorCode.UnsupportedMediaType,
};

const STATUS_CODES: Record<number, CommonErrorCode> = {
  400: CommonErrorCode.ValidationFailed,
  401: CommonErrorCode.Unauthenticated,
  403: CommonErrorCode.Forbidden,
  404: CommonErrorCode.RouteNotFound,
  405: CommonErrorCode.MethodNotAllowed,
  413: CommonErrorCode.PayloadTooLarge,
  415: CommonErrorCode.UnsupportedMediaType,
  429: CommonErrorCode.TooManyRequests,
};

/** PostgreSQL SQLSTATEs a client can cause; everything else is our fault (500). */
const SQLSTATE_CODES: Record<string, CommonErrorCode> = {
  '23505': CommonErrorCode.UniqueViolation,
  '23503': CommonErrorCode.ReferenceViolation,
  '23514': CommonErrorCode.ConstraintViolation,
  '23502': CommonErrorCode.ConstraintViolation,
  '23P01': CommonErrorCode.ConstraintViolation,
  '22P02': CommonErrorCode.InvalidValue,
  '22007': CommonErrorCode.InvalidValue,
  '22008': CommonErrorCode.InvalidValue,
  '22003': CommonErrorCode.InvalidValue,
  '22001': CommonErrorCode.InvalidValue,
  '40001': CommonErrorCode.ConcurrentUpdate,
  '40P01': CommonErrorCode.ConcurrentUpdate,
  '55P03': CommonErrorCode.ConcurrentUpdate,
  // Raised by this project's triggers that protect append-only and sealed tables.
  TD001: CommonErrorCode.ImmutableRecord,
};

function fromCommon(code: CommonErrorCode, detail?: string, extensions?: Record<string, unknown>): Mapped {
  return { code, ...COMMON_ERRORS[code], detail, extensions };
}

/**
 * The one place where an error becomes an HTTP answer: `application/problem+json` (RFC 9457)
 * with a stable `code`. Client mistakes never surface as 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const mapped = this.map(exception);

    if (mapped.status >= 500) {
      this.logger.error({ err: exception, requestId: request?.id }, 'Unhandled error');
    }
    const body: ProblemDetailsDto = {
      type: problemType(mapped.code),
      title: mapped.title,
      status: mapped.status,
      ...(mapped.detail ? { detail: mapped.detail } : {}),
      code: mapped.code,
      instance: request?.url?.split('?')[0],
      requestId: request?.id,
      ...(mapped.extensions ?? {}),
    };
    if (mapped.status === 429 && mapped.extensions?.retryAfterSeconds) {
      reply.header('Retry-After', String(mapped.extensions.retryAfterSeconds));
    }
    reply.status(mapped.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(body);
  }

  map(exception: unknown): Mapped {
    if (exception instanceof DomainException) {
      const def = exception.definition;
      return {
        code: exception.code,
        status: def.status,
        title: def.title,
        detail: exception.detail,
        extensions: exception.extensions,
      };
    }
    if (exception instanceof QueryFailedError) {
      const explained = errorForConstraint((exception.driverError as { constraint?: string })?.constraint);
      return explained ? this.map(explained) : this.mapDatabaseError(exception);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      // Nest re-throws Fastify's body-parser errors as plain HttpExceptions, losing their code.
      if (status === 400 && typeof message === 'string' && /\bJSON\b/.test(message)) {
        return fromCommon(CommonErrorCode.MalformedJson, message);
      }
      const code = STATUS_CODES[status];
      if (code) {
        return { ...fromCommon(code), status, detail: typeof message === 'string' ? message : undefined };
      }
      if (status === 503) {
        // Terminus answers an unhealthy check with 503 and the per-indicator details.
        return { ...fromCommon(CommonErrorCode.DatabaseUnavailable), extensions: { health: response } };
      }
      if (status < 500) {
        return {
          code: `http_${status}`,
          status,
          title: exception.message,
          detail: typeof message === 'string' ? message : undefined,
        };
      }
      return fromCommon(CommonErrorCode.InternalError);
    }
    const transport = exception as { statusCode?: number; code?: string; message?: string };
    if (transport && typeof transport === 'object' && typeof transport.statusCode === 'number') {
      const code = (transport.code && FASTIFY_CODES[transport.code]) ?? STATUS_CODES[transport.statusCode];
      if (code && transport.statusCode < 500) return fromCommon(code, transport.message);
    }
    if (exception instanceof SyntaxError) {
      return fromCommon(CommonErrorCode.MalformedJson, exception.message);
    }
    const connection = exception as { code?: string };
    if (connection?.code === 'ECONNREFUSED' || connection?.code === '57P01' || connection?.code === '57P03') {
      return fromCommon(CommonErrorCode.DatabaseUnavailable, 'The database cannot be reached; try again shortly.');
    }
    return fromCommon(
      CommonErrorCode.InternalError,
      'Something went wrong on our side; the request id identifies it in the logs.',
    );
  }

  private mapDatabaseError(error: QueryFailedError): Mapped {
    const driver = error.driverError as { code?: string; constraint?: string; detail?: string; message?: string };
    const code = driver?.code ? SQLSTATE_CODES[driver.code] : undefined;
    if (!code) {
      return fromCommon(
        CommonErrorCode.InternalError,
        'Something went wrong on our side; the request id identifies it in the logs.',
      );
    }
    const extensions = driver.constraint ? { constraint: driver.constraint } : undefined;
    const detail =
      code === CommonErrorCode.ImmutableRecord || code === CommonErrorCode.ConstraintViolation
        ? driver.message
        : code === CommonErrorCode.ConcurrentUpdate
          ? 'Another change to the same record happened at the same time; read it again and retry.'
          : driver.detail;
    return fromCommon(code, detail, extensions);
  }
}
