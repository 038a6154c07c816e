import { Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { loggableError, ProblemDetailsFilter } from './problem-details.filter';

const ARGON2_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';
const SQL = 'UPDATE "users" SET "password_hash" = $1 WHERE "email" = $2';

function queryFailed(sqlState: string, message: string): QueryFailedError {
  const driverError = Object.assign(new Error(message), { code: sqlState, table: 'users', routine: 'ExecConstraints' });
  return new QueryFailedError(SQL, [ARGON2_HASH, 'thuky1@thidua.local'], driverError);
}

/** Runs the filter on one error; returns the answer and every error-log call. */
function answer(exception: unknown): { status: number; body: Record<string, unknown>; logged: string } {
  const errorLog = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  const sent: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header: () => reply,
    send(body: Record<string, unknown>) {
      sent.body = body;
      return reply;
    },
  };
  try {
    new ProblemDetailsFilter().respond(
      exception,
      { id: 'req-1', url: '/api/v1/me/password' } as FastifyRequest,
      reply as unknown as FastifyReply,
    );
    return { ...sent, logged: JSON.stringify(errorLog.mock.calls) };
  } finally {
    errorLog.mockRestore();
  }
}

describe(ProblemDetailsFilter.name, () => {
  it('logs a failed query as 500 without its SQL text or parameters', () => {
    const res = answer(queryFailed('XX000', 'internal error in the storage'));

    expect(res.status).toBe(500);
    expect(res.body.code).toBe('internal_error');
    expect(res.logged).toContain('internal error in the storage');
    expect(res.logged).toContain('XX000');
    expect(res.logged).not.toContain(ARGON2_HASH);
    expect(res.logged).not.toContain('thuky1@thidua.local');
    expect(res.logged).not.toContain('password_hash');
  });

  it('answers SQLSTATE 22021 (a NUL in text) as 400 invalid_text, and logs nothing', () => {
    const res = answer(queryFailed('22021', 'invalid byte sequence for encoding "UTF8": 0x00'));

    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_text');
    expect(res.logged).toBe('[]');
  });

  it('keeps only the kind, message, codes and stack of an error that carries data', () => {
    const error = Object.assign(new Error('upstream refused'), { code: 'EUPSTREAM', body: { password: 'hunter2' } });

    expect(loggableError(error)).toEqual({
      type: 'Error',
      message: 'upstream refused',
      code: 'EUPSTREAM',
      stack: expect.any(String),
    });
  });

  it('keeps the status of a framework refusal with no code of ours instead of answering 500', () => {
    const res = answer(Object.assign(new Error('Not Acceptable'), { statusCode: 406, code: 'FST_SOMETHING' }));

    expect(res.status).toBe(406);
    expect(res.body.code).toBe('http_406');
  });
});
