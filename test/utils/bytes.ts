import type { Stream } from 'node:stream';
import type { Response } from 'supertest';
import { asUser } from './signed-in';
import { API, type TestApp } from './test-app';

/** A supertest parser that keeps the answer's body as bytes (PDF, CSV, XLSX, images): `.buffer(true).parse(asBytes)`. */
export function asBytes(res: Stream, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** GET `path` (below /api/v1) as a demo account, the body as bytes (supertest would otherwise try to parse it). */
export async function getBytes(t: TestApp, path: string, email: string): Promise<Response & { body: Buffer }> {
  return t.http
    .get(`${API}${path}`)
    .set(await asUser(t, email))
    .buffer(true)
    .parse(asBytes) as Promise<Response & { body: Buffer }>;
}
