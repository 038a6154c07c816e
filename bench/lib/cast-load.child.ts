/**
 * The load generator, in a process of its own (forked by cast-load.ts): autocannon on the same
 * event loop as the service would take its CPU from the service's loop and time its own queueing.
 * Request i is voter i's first ballot: its token, a fresh random v4 Idempotency-Key, its body.
 */
import { randomUUID } from 'node:crypto';
import type { CastLoadJob, CastLoadResult } from './cast-load';

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

interface AutocannonClient {
  on(event: 'response', listener: (status: number, bytes: number, durationMs: number) => void): void;
}

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
  requests: { total: number };
}

// autocannon ships no types; the few options used here are typed above.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}

async function run(job: CastLoadJob): Promise<CastLoadResult> {
  const url = new URL(job.url);
  let next = job.from;
  const latencies: number[] = [];
  const refusals: string[] = [];
  const cpu = process.cpuUsage();
  // autocannon notices the last response on its next 1-second tick, so its own duration is rounded
  // up to whole seconds (10 % on a 10 s run): time from the start to the last response instead.
  const started = process.hrtime.bigint();
  let lastResponse = started;
  const result = await autocannon({
    url: url.origin,
    connections: job.connections,
    pipelining: 1,
    amount: job.to - job.from,
    timeout: 30,
    setupClient: (client: AutocannonClient) =>
      client.on('response', (_status, _bytes, durationMs) => {
        latencies.push(durationMs);
        lastResponse = process.hrtime.bigint();
      }),
    requests: [
      {
        method: 'POST',
        path: url.pathname,
        // Called once per request sent: the next voter, never one that has cast already.
        setupRequest: (request: AutocannonRequest): AutocannonRequest => {
          const voter = next++;
          return {
            ...request,
            headers: {
              ...request.headers,
              authorization: `Bearer ${job.tokens[voter]}`,
              'idempotency-key': randomUUID(),
              'content-type': 'application/json',
            },
            body: job.bodies[voter],
          };
        },
        onResponse: (status: number, body: string) => {
          if ((status < 200 || status > 299) && refusals.length < 5) refusals.push(`${status} ${body}`);
        },
      },
    ],
  });
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count]));
  return {
    requests: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationS: Number(lastResponse - started) / 1e9,
    autocannonDurationS: result.duration,
    votersUsed: next - job.from,
    latencyMs: {
      p50: percentile(latencies, 50),
      p90: percentile(latencies, 90),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? NaN,
      mean: latencies.reduce((a, b) => a + b, 0) / latencies.length,
    },
    statusCodes,
    refusals,
    cpuMs: (used.user + used.system) / 1000,
  };
}

// The parent's IPC channel closing means the bench is gone: stop loading a service nobody measures.
process.on('disconnect', () => process.exit(1));
process.once('message', (job: CastLoadJob) => {
  run(job).then(
    (result) => process.send!({ result }, () => process.exit(0)),
    (error: unknown) => process.send!({ error: String((error as Error)?.stack ?? error) }, () => process.exit(1)),
  );
});
