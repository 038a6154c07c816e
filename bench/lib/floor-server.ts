import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { CAST_BALLOT_SQL, participationKeyHash, trackerAt, trackerSeed } from '../../src/modules/elections/ballot-box';
import { onCleanup } from './cleanup';

export interface FloorServer {
  /** POST <origin>/polls/<id>/ballots, as the service's route. */
  origin: string;
  stop(): Promise<void>;
}

/**
 * The floor under the service: a bare node:http server that runs the service's own casting
 * statement (CAST_BALLOT_SQL, a named prepared statement on a pg pool of the same size) with the
 * same hashes, and nothing else — no Nest, guards, JWT check (the claims are only decoded),
 * validation, helmet or logging. What this box can do with one round trip per ballot in Node.
 */
export async function startFloorServer(databaseUrl: string, poolSize: number): Promise<FloorServer> {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const pollId = req.url!.split('/')[2];
      const key = String(req.headers['idempotency-key']);
      const claims = JSON.parse(
        Buffer.from(String(req.headers.authorization).split('.')[1], 'base64url').toString(),
      ) as { sub: string; sid: string };
      const { choice } = JSON.parse(Buffer.concat(chunks).toString()) as { choice: string };
      const seed = trackerSeed(pollId, key);
      pool
        .query({
          name: 'floor_cast_ballot',
          text: CAST_BALLOT_SQL,
          // The choice's position is not looked up: any valid integer costs the same.
          values: [
            pollId,
            claims.sub,
            participationKeyHash(pollId, key),
            seed,
            choice === 'abstain' ? -1 : 0,
            claims.sid,
          ],
        })
        .then(({ rows: [row] }) => {
          const ok = (row as { cast: number }).cast > 0;
          res.writeHead(ok ? 201 : 409, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify(
              ok ? { receipt: { tracker: trackerAt(seed, 1).toString('hex'), pollId } } : { code: 'refused' },
            ),
          );
        })
        .catch((error: Error) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ code: 'error', detail: error.message }));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const stop = onCleanup('floor server', async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await pool.end();
  });
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stop };
}
