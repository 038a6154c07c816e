import type { DataSource } from 'typeorm';
import type { BenchDatabase } from './bench-database';

/** One measured thing: a function timed `runs` times after `warmup` untimed calls. */
export interface BenchCase {
  name: string;
  /** What the number means, in a line (goes under the table). */
  note?: string;
  run(): Promise<unknown>;
}

/**
 * What every bench file exports (default). Either `setup` (seeds its own data, then names the
 * cases the harness times one call at a time) or `run` (measures its own way — under load, side
 * by side with pgbench — and prints its own report).
 */
export interface Benchmark {
  name: string;
  description: string;
  /** Needs a PostgreSQL server even without DATABASE_URL (then the local default server is used). */
  server?: boolean;
  /** Seeds the fresh, migrated database; returns the cases to time and facts about the data set. */
  setup?(dataSource: DataSource): Promise<{ cases: BenchCase[]; dataSet: Record<string, string | number> }>;
  /** Does the whole bench on the fresh, migrated database and prints its report. */
  run?(database: BenchDatabase): Promise<void>;
}

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
