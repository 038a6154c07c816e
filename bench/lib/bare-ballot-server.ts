/**
 * The floor of an HTTP ballot on this machine, for the elections bench: Fastify and a `pg` pool,
 * no NestJS, no authentication, no validation — one prepared statement writing the participation
 * and the ballot rows (into the bench's FK-less copies). What any Node service here pays for HTTP
 * and one database round trip. Run by bench/elections.bench.ts as a child process.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';

const [databaseUrl, port, pollId] = process.argv.slice(2);
const pool = new Pool({ connectionString: databaseUrl, max: 16 });
const CAST = `
WITH participation AS (
  INSERT INTO bench_participations (poll_id, unit_id, key_hash)
  VALUES ($1, gen_random_uuid(), sha256(convert_to(gen_random_uuid()::text, 'UTF8'))) RETURNING 1
)
INSERT INTO bench_ballots (poll_id, tracker, choice)
SELECT $1, sha256(convert_to(gen_random_uuid()::text, 'UTF8')), $2 FROM participation RETURNING 1`;

const app = Fastify();
app.post<{ Body: { choice: number } }>('/cast', async (request) => {
  const result = await pool.query({ name: 'bare_cast', text: CAST, values: [pollId, request.body.choice] });
  return { cast: result.rowCount };
});
app.get('/health', () => ({ ok: true }));
void app.listen({ port: Number(port), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => pool.end()));
