import type { DataSource } from 'typeorm';

/** One measured thing: a function timed `runs` times after `warmup` untimed calls. */
export interface BenchCase {
  name: string;
  /** What the number means, in a line (goes under the table). */
  note?: string;
  run(): Promise<unknown>;
}

/** What every bench file exports (default): seeds its own data, then names the cases to time. */
export interface TimedBenchmark {
  name: string;
  description: string;
  /** Seeds the fresh, migrated database; returns the cases to time and facts about the data set. */
  setup(dataSource: DataSource): Promise<{ cases: BenchCase[]; dataSet: Record<string, string | number> }>;
}

/**
 * A bench that drives a load itself (a service under autocannon, pgbench beside it) on the
 * PostgreSQL server, and returns its report as Markdown. It makes and drops its own database.
 */
export interface LoadBenchmark {
  name: string;
  description: string;
  /** `serverUrl`: an administrative connection to the server (DATABASE_URL, else the local one). */
  run(serverUrl: string): Promise<string>;
}

export type Benchmark = TimedBenchmark | LoadBenchmark;

export interface BenchOptions {
  warmup: number;
  runs: number;
}

export interface CaseResult {
  name: string;
  note?: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

/** Nearest-rank percentile of sorted samples (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

export async function measure(benchCase: BenchCase, options: BenchOptions): Promise<CaseResult> {
  for (let i = 0; i < options.warmup; i++) await benchCase.run();
  const samples: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const start = process.hrtime.bigint();
    await benchCase.run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return {
    name: benchCase.name,
    note: benchCase.note,
    runs: samples.length,
    medianMs: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    minMs: samples[0],
    maxMs: samples[samples.length - 1],
  };
}
