import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './cleanup';

export interface PgbenchOptions {
  /** The bench database's URL (libpq accepts it where pgbench takes the database name). */
  url: string;
  script: string;
  clients: number;
  jobs: number;
  seconds: number;
  /** `-D name=value`: each client's variables start with these and keep their values between transactions. */
  defines?: Record<string, string | number>;
}

export interface PgbenchResult {
  tps: number;
  latencyMs: number;
  transactions: number;
  failed: number;
  command: string;
}

/** `pgbench --version`, or null when it is not installed. */
export function pgbenchVersion(): string | null {
  const probe = spawnSync('pgbench', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.trim() : null;
}

const figure = (output: string, pattern: RegExp, what: string): number => {
  const match = pattern.exec(output);
  if (!match) throw new Error(`pgbench printed no ${what}:\n${output}`);
  return Number(match[1]);
};

/** `pgbench -n -c C -j J -T S -f script` against the bench database; tps without connection time. */
export async function runPgbench(options: PgbenchOptions): Promise<PgbenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-pgbench-'));
  const scriptFile = join(dir, 'ballot.sql');
  writeFileSync(scriptFile, options.script);
  const defines = Object.entries(options.defines ?? {}).flatMap(([k, v]) => ['-D', `${k}=${v}`]);
  const args = [
    '-n',
    ...['-c', String(options.clients), '-j', String(options.jobs), '-T', String(options.seconds)],
    ...defines,
    ...['-f', scriptFile],
    options.url,
  ];
  const child = spawn('pgbench', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = onCleanup(`pgbench ${child.pid}`, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  try {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    if (code !== 0) throw new Error(`pgbench exited with ${code}:\n${output}`);
    const failed = /number of failed transactions: (\d+)/.exec(output);
    return {
      tps: figure(output, /tps = ([\d.]+) \(without initial connection time\)/, 'tps'),
      latencyMs: figure(output, /latency average = ([\d.]+) ms/, 'latency'),
      transactions: figure(output, /number of transactions actually processed: (\d+)/, 'transaction count'),
      failed: failed ? Number(failed[1]) : 0,
      command: `pgbench ${args.slice(0, -3).join(' ')} -f ballot.sql <bench db>`,
    };
  } finally {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
