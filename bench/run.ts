import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Benchmark, CaseResult } from './lib/bench';
import { measure } from './lib/bench';
import { openBenchDatabase } from './lib/bench-database';
import { describeMachine } from './lib/machine';

/**
 * `npm run bench [-- <name filter>]`: runs every bench/*.bench.ts, each on a fresh migrated
 * database of its own (a new database on the DATABASE_URL server, else embedded PGlite; a bench
 * marked `server` uses the local server then), and prints a Markdown table per bench.
 * BENCH_RUNS / BENCH_WARMUP override the 20 runs / 3 warm-ups.
 */
const options = {
  runs: Number(process.env.BENCH_RUNS ?? 20),
  warmup: Number(process.env.BENCH_WARMUP ?? 3),
};

const ms = (value: number) => value.toFixed(1);

function table(results: CaseResult[]): string {
  const lines = [
    '| case | runs | median ms | p95 ms | min ms | max ms |',
    '|---|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) => `| ${r.name} | ${r.runs} | ${ms(r.medianMs)} | ${ms(r.p95Ms)} | ${ms(r.minMs)} | ${ms(r.maxMs)} |`,
    ),
  ];
  const notes = results.filter((r) => r.note).map((r) => `- ${r.name}: ${r.note}`);
  return [...lines, ...(notes.length ? ['', ...notes] : [])].join('\n');
}

async function main(): Promise<void> {
  // The app's log level: the bench's own output is the table.
  process.env.LOG_LEVEL ??= 'silent';
  const filter = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => !filter || file.includes(filter))
    .sort();
  if (files.length === 0) throw new Error(`No bench/*.bench.ts matches ${filter ?? '(all)'}`);

  const machine = describeMachine();
  console.log(`# thidua benchmarks — ${new Date().toISOString()}`);
  console.log(
    `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; node ${machine.node}`,
  );
  console.log(`runs: ${options.runs} timed after ${options.warmup} warm-up(s)\n`);

  for (const file of files) {
    // require, not import(): ts-node compiles the bench files to CommonJS on the fly.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bench = require(join(__dirname, file)) as { default: Benchmark };
    const database = await openBenchDatabase({ server: bench.default.server });
    try {
      console.log(`## ${bench.default.name}\n${bench.default.description}`);
      console.log(`database: ${database.serverVersion} (${database.mode})`);
      if (bench.default.run) {
        await bench.default.run(database);
        continue;
      }
      const seededAt = Date.now();
      const { cases, dataSet } = await bench.default.setup!(database.dataSource);
      const facts = Object.entries(dataSet).map(([key, value]) => `${key}: ${value}`);
      console.log(`data: ${facts.join(', ')}; seeded in ${((Date.now() - seededAt) / 1000).toFixed(1)} s\n`);
      const results: CaseResult[] = [];
      for (const benchCase of cases) results.push(await measure(benchCase, options));
      console.log(`${table(results)}\n`);
    } finally {
      await database.dispose();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
