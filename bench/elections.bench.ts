import { loadavg } from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Benchmark } from './lib/bench';
import type { BenchDatabase } from './lib/bench-database';
import {
  addPgbenchRoll,
  registerEveryone,
  seedElectionsWorld,
  seedPgbenchPeople,
  stuffBallots,
  type ElectionsWorld,
} from './lib/elections-world';
import { castRun, checkpoint, describeCastRun, tallyTiming, type CastRun } from './lib/elections-runs';
import { startFloorServer } from './lib/floor-server';
import { describeMachine } from './lib/machine';
import { pgbenchVersion, runPgbench, type PgbenchResult } from './lib/pgbench';
import { QueryClock } from './lib/query-clock';
import { call, startService, type RunningService } from './lib/service';
import { writeElectionsSummary } from './lib/elections-report';
import { random } from './lib/random';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const VOTERS = env('BENCH_ELECTIONS_VOTERS', 20_000);
const CONNECTIONS = env('BENCH_ELECTIONS_CONNECTIONS', 32);
/** The service's pg pool sizes to measure, one casting run each (on a poll of its own). */
const POOLS = (process.env.BENCH_ELECTIONS_POOLS ?? '10,20').split(',').map(Number);
/** First casts on a poll of their own before each measured run: JIT, connections, prepared statements. */
const WARMUP_VOTERS = env('BENCH_ELECTIONS_WARMUP', 2_000);
const PGBENCH = { clients: 8, jobs: 2, seconds: env('BENCH_ELECTIONS_PGBENCH_SECONDS', 10) };
/** pgbench's voters per poll: each client takes every 8th, so 8 × 15,000 transactions at most. */
const PGBENCH_ROLL = env('BENCH_ELECTIONS_PGBENCH_ROLL', 120_000);
const TALLY_BALLOTS = env('BENCH_ELECTIONS_TALLY_BALLOTS', 1_000_000);
const TALLY_RUNS = env('BENCH_ELECTIONS_TALLY_RUNS', 7);
/** Seven candidates (a cluster of 7 provinces, as in the demo); what is left over is blank. */
const SHARES = [0.41, 0.19, 0.13, 0.09, 0.07, 0.05, 0.03];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** The same database through a Unix socket directory (libpq and pg both read `?host=/dir`). */
function viaSocket(url: string, socketDir: string | undefined): string {
  if (!socketDir) return url;
  const parsed = new URL(url);
  return `postgres://${parsed.username}@${parsed.pathname}?host=${encodeURIComponent(socketDir)}`;
}

/** A voter's ballot: a candidate by the shares, else blank (`abstain`). */
function ballotBodies(world: ElectionsWorld): string[] {
  const rnd = random(20111121);
  return world.voters.map(() => {
    let r = rnd();
    for (const [position, share] of SHARES.entries()) {
      if (r < share) return JSON.stringify({ choice: world.candidateUnitIds[position] });
      r -= share;
    }
    return JSON.stringify({ choice: 'abstain' });
  });
}

/** The pgbench twin of the ballot statement: the two inserts, new keys, voter n of the client's share. */
function pgbenchScript(participations: string, ballots: string, pollId: string, unit: string): string {
  return [
    '\\set k :k + 1',
    `\\set n :client_id + ${PGBENCH.clients} * :k`,
    '\\set choice random(-1, 6)',
    'BEGIN;',
    `INSERT INTO ${participations} (poll_id, unit_id, key_hash) VALUES ('${pollId}', ${unit}, sha256(uuid_send(gen_random_uuid())));`,
    `INSERT INTO ${ballots} (poll_id, tracker, choice) VALUES ('${pollId}', sha256(uuid_send(gen_random_uuid())), :choice);`,
    'COMMIT;',
    '',
  ].join('\n');
}

interface Polls {
  warmup: string;
  /** One per pool size, then the floor's. */
  cast: string[];
  tally: string;
  pgbench: [string, string];
}

async function preparePolls(db: DataSource, service: RunningService, world: ElectionsWorld): Promise<Polls> {
  const secretariat = service.token(world.secretariat);
  const meeting = await call<{ id: string }>(service, secretariat, 'POST', `/cycles/${world.cycleId}/meetings`, {
    title: 'Hội nghị cụm thi đua (đo hiệu năng)',
    heldOn: '2030-11-21',
    place: 'Hà Nội',
  });
  const create = async (title: string) =>
    (
      await call<{ id: string }>(service, secretariat, 'POST', `/meetings/${meeting.id}/polls`, {
        kind: 'leader_election',
        title,
        candidateUnitIds: world.candidateUnitIds,
      })
    ).id;
  const polls: Polls = {
    warmup: await create('Khởi động'),
    cast: [],
    tally: await create('Kiểm phiếu 1.000.000 lá phiếu'),
    pgbench: [await create('pgbench 1'), await create('pgbench 2')],
  };
  for (const pool of POOLS) polls.cast.push(await create(`Bầu cụm trưởng (pool ${pool})`));
  polls.cast.push(await create('Bầu cụm trưởng (floor)'));
  // pgbench's polls are opened first, on a roll of their own (people outside the cluster); then
  // every member's delegate checks in and the open route freezes the 20,000-voter roll itself.
  for (const pollId of polls.pgbench) await addPgbenchRoll(db, pollId, PGBENCH_ROLL);
  for (const pollId of polls.pgbench) await call(service, secretariat, 'POST', `/polls/${pollId}/open`, {});
  await registerEveryone(db, meeting.id, world.voters);
  for (const pollId of [polls.warmup, ...polls.cast, polls.tally]) {
    await call(service, secretariat, 'POST', `/polls/${pollId}/open`, {});
  }
  await call(service, secretariat, 'POST', `/polls/${polls.tally}/close`, {});
  return polls;
}

const benchmark: Benchmark = {
  name: 'elections',
  description:
    `Secret ballot under load: one poll with ${VOTERS.toLocaleString('en')} entitled voters, autocannon at ` +
    `${CONNECTIONS} connections (a child process) against the real service (in this process, Fastify, ` +
    `production mode), side by side with pgbench running the two inserts; then the tally of ` +
    `${TALLY_BALLOTS.toLocaleString('en')} ballots against the raw GROUP BY.`,
  server: true,
  async run(database: BenchDatabase) {
    if (VOTERS < WARMUP_VOTERS * (POOLS.length + 1))
      throw new Error('BENCH_ELECTIONS_VOTERS is too small for the warm-ups');
    const machine = describeMachine();
    const pgbench = pgbenchVersion();
    const load = loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    console.log(`load average before: ${load} (other work on the machine shows here)`);
    console.log(`pgbench: ${pgbench ?? 'NOT INSTALLED — absolute figures only, no ratio'}`);
    const db = database.dataSource;
    // BENCH_ELECTIONS_SOCKET=/var/run/postgresql: the service and pgbench over the Unix socket instead of TCP.
    const socket = process.env.BENCH_ELECTIONS_SOCKET;
    const url = viaSocket(database.url!, socket);
    console.log(`the service's and pgbench's connections: ${socket ? `Unix socket in ${socket}` : 'TCP'}`);

    let since = Date.now();
    const world = await seedElectionsWorld(db, VOTERS, SHARES.length);
    await seedPgbenchPeople(db, PGBENCH_ROLL);
    console.log(
      `seeded ${VOTERS} member units with delegates and sessions, ${PGBENCH_ROLL} pgbench voters: ${seconds(since)}`,
    );

    const clock = new QueryClock();
    let service = await startService(url, POOLS[0], clock);
    const raw = new Client({ connectionString: url });
    try {
      await raw.connect();
      since = Date.now();
      const polls = await preparePolls(db, service, world);
      console.log(`meeting, ${polls.cast.length + 4} polls opened through the API, register: ${seconds(since)}`);
      since = Date.now();
      await stuffBallots(db, polls.tally, TALLY_BALLOTS, SHARES);
      await db.query(`
        CREATE TABLE bench_participations (LIKE poll_participations INCLUDING ALL);
        CREATE TABLE bench_ballots (LIKE ballots INCLUDING ALL);
        ANALYZE;`);
      console.log(`${TALLY_BALLOTS} ballots into the closed tally poll, ANALYZE: ${seconds(since)}`);
      since = Date.now();
      const tokens = world.voters.map((voter) => service.token(voter));
      const bodies = ballotBodies(world);
      console.log(`${tokens.length} access tokens minted: ${seconds(since)}\n`);

      const pgbenchRuns: { label: string; result: PgbenchResult }[] = [];
      const bench = async (label: string, script: string) => {
        if (!pgbench) return;
        await checkpoint(db);
        const result = await runPgbench({ url, script, ...PGBENCH, defines: { k: 0 } });
        pgbenchRuns.push({ label, result });
        console.log(
          `pgbench ${label}: ${result.tps.toFixed(0)} tps, ${result.latencyMs} ms mean, ${result.failed} failed`,
        );
      };
      const sameTables = (pollId: string) =>
        pgbenchScript('poll_participations', 'ballots', pollId, `md5('pgb-unit-' || :n)::uuid`);

      await bench('before', sameTables(polls.pgbench[0]));
      const casts: CastRun[] = [];
      const target = { tokens, bodies, connections: CONNECTIONS };
      const warmup = (index: number) => ({
        pollId: polls.warmup,
        from: index * WARMUP_VOTERS,
        to: (index + 1) * WARMUP_VOTERS,
      });
      for (const [index, pool] of POOLS.entries()) {
        if (service.poolSize !== pool) {
          await service.stop();
          service = await startService(url, pool, clock);
        }
        const label = `service, pool ${pool}`;
        const profile = index === 0 ? process.env.BENCH_ELECTIONS_PROFILE : undefined;
        const run = await castRun(
          db,
          { ...target, label, api: service.api },
          warmup(index),
          polls.cast[index],
          profile,
        );
        casts.push(run);
        console.log(describeCastRun(run));
      }
      const floor = await startFloorServer(url, POOLS[0]);
      try {
        const label = `floor, pool ${POOLS[0]}`;
        const run = await castRun(
          db,
          { ...target, label, api: floor.origin },
          warmup(POOLS.length),
          polls.cast.at(-1)!,
        );
        casts.push(run);
        console.log(describeCastRun(run));
      } finally {
        await floor.stop();
      }
      await bench('after', sameTables(polls.pgbench[1]));
      await bench(
        'unconstrained copies',
        pgbenchScript('bench_participations', 'bench_ballots', polls.pgbench[0], 'gen_random_uuid()'),
      );

      const tally = await tallyTiming(service, raw, service.token(world.secretariat), polls.tally, TALLY_RUNS, clock);
      console.log(
        `tally: route ${median(tally.routeMs).toFixed(1)} ms, raw GROUP BY ${median(tally.rawMs).toFixed(1)} ms ` +
          `(medians of ${TALLY_RUNS}); outcome ${tally.outcome}, ${tally.counted} ballots counted; ` +
          `one more route call, its queries (← = came back, when ≥ 1 ms):\n${tally.timeline.join('\n')}\n`,
      );
      await writeElectionsSummary({
        machine,
        load,
        serverVersion: database.serverVersion,
        transport: socket ? 'Unix socket' : 'TCP',
        pgbench,
        voters: VOTERS,
        connections: CONNECTIONS,
        casts,
        pgbenchRuns,
        tally,
        tallyBallots: TALLY_BALLOTS,
      });
    } finally {
      await raw.end().catch(() => undefined);
      await service.stop();
    }
  },
};

export default benchmark;
