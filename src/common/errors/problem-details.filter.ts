import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES as STATUS_TEXT } from 'node:http';
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
  FST_ERR_BAD_URL: CommonErrorCode.MalformedUrl,
  FST_ERR_MAX_PARAM_LENGTH: CommonErrorCode.UriTooLong,
  FST_ERR_NOT_FOUND: CommonErrorCode.RouteNotFound,
};

const STATUS_CODES: Record<number, CommonErrorCode> = {
  400: CommonErrorCode.ValidationFailed,
  401: CommonErrorCode.Unauthenticated,
  403: CommonErrorCode.Forbidden,
  404: CommonErrorCode.RouteNotFound,
  405: CommonErrorCode.MethodNotAllowed,
  408: CommonErrorCode.RequestTimeout,
  413: CommonErrorCode.PayloadTooLarge,
  414: CommonErrorCode.UriTooLong,
  415: CommonErrorCode.UnsupportedMediaType,
  431: CommonErrorCode.HeadersTooLarge,
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
  // A NUL character (refused at the edge; this is the safety net) or one the encoding cannot hold.
  '22021': CommonErrorCode.InvalidText,
  '22P05': CommonErrorCode.InvalidText,
  '40001': CommonErrorCode.ConcurrentUpdate,
  '40P01': CommonErrorCode.ConcurrentUpdate,
  '55P03': CommonErrorCode.ConcurrentUpdate,
  // Raised by this project's triggers that protect append-only and sealed tables.
  TD001: CommonErrorCode.ImmutableRecord,
};

/**
 * What the error log keeps of an error: its kind, message, codes and stack. A TypeORM
 * `QueryFailedError` also carries the SQL text and its `parameters` (a password hash, a person's
 * data), and other errors may carry a request body: those members are left out.
 */
export function loggableError(exception: unknown): Record<string, unknown> {
  if (!(exception instanceof Error)) return { type: typeof exception };
  const error = exception as Error & { code?: unknown; statusCode?: unknown };
  const loggable: Record<string, unknown> = { type: error.name, message: error.message, stack: error.stack };
  if (typeof error.code === 'string' || typeof error.code === 'number') loggable.code = error.code;
  if (typeof error.statusCode === 'number') loggable.statusCode = error.statusCode;
  if (exception instanceof QueryFailedError) {
    const driver = exception.driverError as Record<string, unknown> | undefined;
    for (const key of ['code', 'constraint', 'table', 'column', 'routine'] as const) {
      if (typeof driver?.[key] === 'string') loggable[key === 'code' ? 'sqlState' : key] = driver[key];
    }
  }
  return loggable;
}

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
    this.respond(exception, ctx.getRequest<FastifyRequest>(), ctx.getResponse<FastifyReply>());
  }

  /** Also called for errors Fastify raises before Nest sees the request (`frameworkErrors`). */
  respond(exception: unknown, request: FastifyRequest | undefined, reply: FastifyReply): void {
    const mapped = this.map(exception);

    if (mapped.status >= 500) {
      // Only what identifies the error: never SQL text, its parameters or the request body.
      // Terminus' report (which check failed, and why) is kept: it holds no request data.
      const health = mapped.extensions?.health;
      this.logger.error(
        { err: loggableError(exception), requestId: request?.id, ...(health ? { health } : {}) },
        'Unhandled error',
      );
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
      if (transport.statusCode >= 400 && transport.statusCode < 500) {
        // A framework or plugin refusal with no code of ours keeps its status, never a 500.
        return {
          code: `http_${transport.statusCode}`,
          status: transport.statusCode,
          title: STATUS_TEXT[transport.statusCode] ?? 'The request was refused',
          detail: transport.message,
        };
      }
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
