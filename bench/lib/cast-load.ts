import { fork } from 'node:child_process';
import { join } from 'node:path';
import { onCleanup } from './cleanup';

/** What the load generator does: voters `from`..`to`-1 each cast once, over `connections` keep-alive connections. */
export interface CastLoadJob {
  /** The ballot route of the poll, e.g. http://127.0.0.1:port/api/v1/polls/<id>/ballots */
  url: string;
  tokens: string[];
  /** The JSON body of each voter's ballot. */
  bodies: string[];
  from: number;
  to: number;
  connections: number;
}

export interface CastLoadResult {
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** From the start to the last response, in seconds. */
  durationS: number;
  /** autocannon's own figure, rounded up to its next 1-second tick. */
  autocannonDurationS: number;
  votersUsed: number;
  /** From each request's own timing (exact, not autocannon's 1 ms histogram buckets). */
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  statusCodes: Record<string, number>;
  /** The first few non-2xx answers, status and body. */
  refusals: string[];
  /** CPU used by the load generator's process during the run. */
  cpuMs: number;
}

/** Runs autocannon in a child process (see cast-load.child.ts) and returns its figures. */
export async function castLoad(job: CastLoadJob): Promise<CastLoadResult> {
  if (job.to > job.tokens.length || job.from < 0 || job.to <= job.from) {
    throw new Error(`No such voters: ${job.from}..${job.to} of ${job.tokens.length}`);
  }
  const child = fork(join(__dirname, 'cast-load.child.ts'), [], {
    execArgv: ['--require', 'ts-node/register/transpile-only'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = onCleanup(`autocannon child ${child.pid}`, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  try {
    return await new Promise<CastLoadResult>((resolve, reject) => {
      child.once('message', (message: { result?: CastLoadResult; error?: string }) =>
        message.result ? resolve(message.result) : reject(new Error(`autocannon: ${message.error}`)),
      );
      child.once('error', reject);
      child.once('exit', (code, signal) => reject(new Error(`autocannon child exited (${code ?? signal})`)));
      child.send(job);
    });
  } finally {
    await stop();
  }
}
