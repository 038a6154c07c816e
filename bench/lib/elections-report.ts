import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CastRun, TallyTiming } from './elections-runs';
import type { Machine } from './machine';
import type { PgbenchResult } from './pgbench';

export interface ElectionsFigures {
  machine: Machine;
  /** Load average before the bench (other work on the machine). */
  load: string;
  serverVersion: string;
  transport: string;
  pgbench: string | null;
  voters: number;
  connections: number;
  casts: CastRun[];
  pgbenchRuns: { label: string; result: PgbenchResult }[];
  tally: TallyTiming;
  tallyBallots: number;
}

const DOCS = join(__dirname, '..', '..', 'docs', 'benchmarks.md');
const START = '<!-- elections-summary:start (written by BENCH_WRITE_DOCS=1 npm run bench -- elections) -->';
const END = '<!-- elections-summary:end -->';

const int = (n: number) => Math.round(n).toLocaleString('en');
const ms = (n: number) => n.toFixed(1);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

/** The summary table: machine, date, every figure with its target. */
export function electionsSummary(f: ElectionsFigures): string {
  const fk = f.pgbenchRuns.filter((run) => run.label !== 'unconstrained copies');
  const reference = fk.length > 0 ? fk.reduce((sum, run) => sum + run.result.tps, 0) / fk.length : null;
  const loose = f.pgbenchRuns.find((run) => run.label === 'unconstrained copies');
  const rows: string[][] = [];
  for (const run of f.casts) {
    const l = run.load.latencyMs;
    const c = run.cpu;
    // The floor is a reference, not the service: no targets on it.
    const service = run.label.startsWith('service');
    const target = (text: string, ok: boolean) => (service ? [text, verdict(ok)] : ['', '']);
    rows.push([`${run.label}: ballots/s`, int(run.ballotsPerSecond), '', '']);
    if (reference !== null) {
      const ratio = run.ballotsPerSecond / reference;
      rows.push([`${run.label}: ÷ pgbench`, ratio.toFixed(2), ...target('≥ 0.5', ratio >= 0.5)]);
    }
    rows.push([`${run.label}: p50 / p99`, `${ms(l.p50)} / ${ms(l.p99)} ms`, ...target('p99 ≤ 25 ms', l.p99 <= 25)]);
    const bad = run.load.non2xx + run.load.errors + run.load.timeouts;
    rows.push([
      `${run.label}: non-2xx / errors`,
      `${run.load.non2xx} / ${run.load.errors + run.load.timeouts}`,
      '0',
      verdict(bad === 0),
    ]);
    const cpu =
      `server ${c.server.toFixed(2)}, PostgreSQL ${c.postgres?.toFixed(2) ?? '?'}, autocannon ` +
      `${c.loadGenerator.toFixed(2)}, rest of the machine ${c.others?.toFixed(2) ?? '?'}`;
    rows.push([
      `${run.label}: CPU ms per ballot`,
      `${cpu}; machine ${((c.machineBusy ?? NaN) * 100).toFixed(0)}% busy`,
      '',
      '',
    ]);
  }
  if (reference !== null) {
    const each = fk.map((run) => `${run.label} ${int(run.result.tps)}`).join(', ');
    rows.push(['pgbench tps, same tables (mean)', `${int(reference)} (${each})`, '', '']);
  } else {
    rows.push(['pgbench', 'not installed: no ratio', '', '']);
  }
  if (loose) rows.push(['pgbench tps, copies without FK (info)', int(loose.result.tps), '', '']);
  const route = median(f.tally.routeMs);
  const raw = median(f.tally.rawMs);
  rows.push([`tally route, ${int(f.tallyBallots)} ballots (median)`, `${ms(route)} ms`, '', '']);
  rows.push(['raw GROUP BY, same rows (median)', `${ms(raw)} ms`, '', '']);
  rows.push(['tally ÷ raw', (route / raw).toFixed(2), '≤ 1.5', verdict(route / raw <= 1.5)]);

  const m = f.machine;
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} — ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; ` +
      `Node ${m.node}; ${f.serverVersion} (${f.transport}); ${f.pgbench ?? 'pgbench not installed'}; ` +
      `load average before ${f.load}. ${int(f.voters)} voters, ${f.connections} connections, autocannon in a ` +
      `child process, the service in the bench process.`,
    '',
    '| measure | figure | target | |',
    '|---|---:|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** Prints the summary; with BENCH_WRITE_DOCS=1 also puts it between the markers in docs/benchmarks.md. */
export async function writeElectionsSummary(figures: ElectionsFigures): Promise<void> {
  const summary = electionsSummary(figures);
  console.log(`${summary}\n`);
  if (process.env.BENCH_WRITE_DOCS !== '1') return;
  const docs = readFileSync(DOCS, 'utf8');
  const start = docs.indexOf(START);
  const end = docs.indexOf(END);
  if (start < 0 || end < start) {
    console.log(`docs/benchmarks.md has no elections summary markers; not written`);
    return;
  }
  writeFileSync(DOCS, `${docs.slice(0, start + START.length)}\n\n${summary}\n\n${docs.slice(end)}`);
  console.log('docs/benchmarks.md: elections summary replaced');
}
