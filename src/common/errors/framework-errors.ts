import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { CommonErrorCode, COMMON_ERRORS } from './common.exception';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetailsDto } from './problem-details';
import type { ProblemDetailsFilter } from './problem-details.filter';

/**
 * Fastify's `frameworkErrors`: a URL it cannot decode (`FST_ERR_BAD_URL`), a path parameter over
 * `maxParamLength` (`FST_ERR_MAX_PARAM_LENGTH`) or a failing route constraint, raised before any
 * route or hook runs. They are answered by the same filter as every other error; the `onSend`
 * hooks do not run for them, so the headers every answer carries are set here.
 */
export function frameworkErrorHandler(filter: ProblemDetailsFilter, headers: Record<string, string>) {
  return (error: Error, request: FastifyRequest, reply: FastifyReply): void => {
    reply.headers(headers);
    reply.header('x-request-id', request.id);
    filter.respond(error, request, reply);
  };
}

/**
 * Node's `clientError`: bytes that are not an HTTP request, headers over the size limit, a request
 * that does not arrive in time. There is no request yet, so the answer is written to the socket
 * with a fresh request id, and the connection is closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? CommonErrorCode.HeadersTooLarge
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? CommonErrorCode.RequestTimeout
        : CommonErrorCode.MalformedRequest;
  const { status, title } = COMMON_ERRORS[code];
  const requestId = randomUUID();
  const problem: ProblemDetailsDto = { type: problemType(code), title, status, code, requestId };
  const body = JSON.stringify(problem);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `x-request-id: ${requestId}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
