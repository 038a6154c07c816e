import type { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { castLoad, type CastLoadResult } from './cast-load';
import { cpuBetween, machineCpu, processesCpuMs } from './cpu';
import { profiled } from './profile';
import type { QueryClock } from './query-clock';
import { call, type RunningService } from './service';

/**
 * Both sides of the ratio (each casting run, each pgbench run) start right after a checkpoint, so
 * both pay the same wave of full-page writes. Needs a superuser or pg_checkpoint; skipped otherwise.
 */
export async function checkpoint(db: DataSource): Promise<void> {
  try {
    await db.query('CHECKPOINT');
  } catch (error) {
    console.log(`CHECKPOINT refused (${(error as Error).message}); runs may start mid-checkpoint`);
  }
}

export interface CastTarget {
  /** What is loaded, for the report: `service, pool 10`, `floor, pool 10`. */
  label: string;
  /** Where `/polls/<id>/ballots` is served. */
  api: string;
  tokens: string[];
  bodies: string[];
  connections: number;
}

export interface CastRun {
  label: string;
  load: CastLoadResult;
  ballotsPerSecond: number;
  /**
   * CPU ms per ballot: this process (the server under test: autocannon and pgbench are others),
   * the load generator, the PostgreSQL backends of the bench database; how busy the machine was (0..1).
   */
  cpu: {
    server: number;
    loadGenerator: number;
    postgres: number | null;
    machineBusy: number | null;
    /** Everything else, per ballot: PostgreSQL's background processes and other work on the machine. */
    others: number | null;
  };
  stored: { participations: number; ballots: number };
}

/**
 * Warm-up casts (first casts of voters `warmup[0]..warmup[1]` on a poll of their own: JIT, pool
 * connections, prepared statements), then every voter of the roll casts once on `pollId`, with the
 * CPU each party used meanwhile. BENCH_ELECTIONS_PROFILE=<file> profiles this process during the run.
 */
export async function castRun(
  db: DataSource,
  target: CastTarget,
  warmup: { pollId: string; from: number; to: number },
  pollId: string,
  profile?: string,
): Promise<CastRun> {
  const job = (poll: string, from: number, to: number) =>
    castLoad({ url: `${target.api}/polls/${poll}/ballots`, ...target, from, to });
  const warm = await job(warmup.pollId, warmup.from, warmup.to);
  if (warm.ok !== warmup.to - warmup.from) throw new Error(`Warm-up of ${target.label}: ${JSON.stringify(warm)}`);
  // The server's pool is fully open after the warm-up at 32 connections: its backends are among these.
  const backends = (
    (await db.query(
      `SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    )) as { pid: number }[]
  ).map((row) => row.pid);
  await checkpoint(db);
  const machineBefore = machineCpu();
  const postgresBefore = processesCpuMs(backends);
  const cpu = process.cpuUsage();
  const measured = () => job(pollId, 0, target.tokens.length);
  const load = profile ? await profiled(profile, measured) : await measured();
  const used = process.cpuUsage(cpu);
  const postgresAfter = processesCpuMs(backends);
  const machineAfter = machineCpu();
  const perBallot = (ms: number) => ms / Math.max(1, load.ok);
  const postgresMs = cpuBetween(postgresBefore, postgresAfter);
  const [stored] = (await db.query(
    `SELECT (SELECT count(*) FROM poll_participations WHERE poll_id = $1)::int AS participations,
            (SELECT count(*) FROM ballots WHERE poll_id = $1)::int AS ballots`,
    [pollId],
  )) as { participations: number; ballots: number }[];
  return {
    label: target.label,
    load,
    ballotsPerSecond: load.ok / load.durationS,
    cpu: {
      server: perBallot((used.user + used.system) / 1000),
      loadGenerator: perBallot(load.cpuMs),
      postgres: postgresMs === null ? null : perBallot(postgresMs),
      machineBusy:
        machineBefore && machineAfter
          ? (machineAfter.busyMs - machineBefore.busyMs) / (machineAfter.totalMs - machineBefore.totalMs)
          : null,
      others:
        machineBefore && machineAfter && postgresMs !== null
          ? perBallot(
              machineAfter.busyMs - machineBefore.busyMs - (used.user + used.system) / 1000 - load.cpuMs - postgresMs,
            )
          : null,
    },
    stored,
  };
}

export function describeCastRun(run: CastRun): string {
  const l = run.load.latencyMs;
  const c = run.cpu;
  return (
    `casting, ${run.label}: ${run.ballotsPerSecond.toFixed(0)} ballots/s (${run.load.ok} in ` +
    `${run.load.durationS.toFixed(2)} s), p50 ${l.p50.toFixed(1)} ms, ` +
    `p99 ${l.p99.toFixed(1)} ms, non-2xx ${run.load.non2xx}, errors ${run.load.errors + run.load.timeouts}; ` +
    `stored ${run.stored.participations} participations, ${run.stored.ballots} ballots; CPU per ballot: ` +
    `server ${c.server.toFixed(2)} ms, autocannon ${c.loadGenerator.toFixed(2)} ms, ` +
    `PostgreSQL ${c.postgres?.toFixed(2) ?? '?'} ms, everything else ${c.others?.toFixed(2) ?? '?'} ms; ` +
    `machine ${((c.machineBusy ?? NaN) * 100).toFixed(0)}% busy` +
    run.load.refusals.map((refusal) => `\n  refused: ${refusal}`).join('')
  );
}

export const RAW_TALLY_SQL = 'SELECT choice, count(*) FROM ballots WHERE poll_id = $1 GROUP BY choice';

export interface TallyTiming {
  routeMs: number[];
  rawMs: number[];
  outcome: string;
  counted: number;
  /** One more route call, its queries on a timeline (what the route spends besides the GROUP BY). */
  timeline: string[];
}

/**
 * The tally route (POST /polls/{id}/tally as the secretariat, over HTTP) against the raw GROUP BY
 * on a connection of its own, alternately, after one untimed call of each. Between route calls the
 * poll is put back to closed (the ledger keeps every tally; the outcome must not be a runoff).
 */
export async function tallyTiming(
  service: RunningService,
  raw: Client,
  secretariat: string,
  pollId: string,
  runs: number,
  clock: QueryClock,
): Promise<TallyTiming> {
  const route = async () => {
    const start = process.hrtime.bigint();
    const poll = await call<{ result: { outcome: string; ballots: number } }>(
      service,
      secretariat,
      'POST',
      `/polls/${pollId}/tally`,
      {},
    );
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (poll.result.outcome !== 'elected') {
      throw new Error(`The tally poll must elect (no runoff to create again): ${JSON.stringify(poll.result)}`);
    }
    await raw.query(`UPDATE polls SET status = 'closed', tallied_at = NULL, result = NULL WHERE id = $1`, [pollId]);
    return { ms, poll };
  };
  const rawQuery = async () => {
    const start = process.hrtime.bigint();
    await raw.query(RAW_TALLY_SQL, [pollId]);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const first = await route();
  await rawQuery();
  const timing: TallyTiming = {
    routeMs: [],
    rawMs: [],
    outcome: first.poll.result.outcome,
    counted: first.poll.result.ballots,
    timeline: [],
  };
  for (let i = 0; i < runs; i++) {
    timing.routeMs.push((await route()).ms);
    timing.rawMs.push(await rawQuery());
  }
  clock.start();
  const traced = await route();
  timing.timeline = [...clock.stop(), `${traced.ms.toFixed(1).padStart(8)} ms  response received`];
  return timing;
}
