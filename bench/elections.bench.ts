import * as argon2 from 'argon2';
import autocannon from 'autocannon';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sign } from 'jsonwebtoken';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { readDatabaseConfig } from '../src/config/database.config';
import { buildDataSourceOptions } from '../src/database/data-source';
import { DEMO_CLUSTER_CODE, loadDemoData } from '../src/database/demo-data';
import type { LoadBenchmark } from './lib/bench';
import { percentile } from './lib/bench';
import { describeMachine } from './lib/machine';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 20_000);
const WARMUP_VOTERS = Math.min(1_000, Math.floor(VOTERS / 10));
const CONNECTIONS = 32;
const TALLY_BALLOTS = Number(process.env.BENCH_TALLY_BALLOTS ?? 1_000_000);
const TALLY_POLLS = 3;
const RAW_RUNS = 5;
const POOL_SIZE = Number(process.env.BENCH_POOL_SIZE ?? 16);
const SECRET = `bench-${randomBytes(24).toString('hex')}`;
const DEMO_PASSWORD = 'thidua-demo-2011';
const SECRETARIAT = 'thuky1@thidua.local';
const API = '/api/v1';
const run = promisify(execFile);

interface Voter {
  userId: string;
  sessionId: string;
  token: string;
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The real service in a process of its own, so that the load generator does not share its event loop. */
async function startService(databaseUrl: string): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  return waitForHealth(
    port,
    spawnTs(profile, 'src/main.ts', [], {
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      JWT_ACCESS_SECRET: SECRET,
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      MIGRATIONS_RUN: 'false',
      LOGIN_LIMIT_PER_IP: '1000',
    }),
  );
}

/** The floor: bare Fastify + pg, the same two rows in one statement (bench/lib/bare-ballot-server.ts). */
async function bareFloor(databaseUrl: string, pollId: string): Promise<autocannon.Result> {
  const port = await freePort();
  const { base, child } = await waitForHealth(
    port,
    spawnTs([], 'bench/lib/bare-ballot-server.ts', [databaseUrl, String(port), pollId], {}),
  );
  try {
    return await new Promise((resolve, reject) =>
      autocannon(
        {
          url: `${base}/cast`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ choice: 1 }),
          connections: CONNECTIONS,
          duration: 10,
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      ),
    );
  } finally {
    await stopService(child);
  }
}

function spawnTs(nodeArgs: string[], script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, '-r', 'ts-node/register/transpile-only', script, ...args], {
    cwd: join(__dirname, '..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitForHealth(port: number, child: ChildProcess): Promise<{ base: string; child: ChildProcess }> {
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`The service exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health`)).ok) return { base, child };
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  child.kill('SIGKILL');
  throw new Error('The service did not answer /health within 120 s');
}

/** SIGTERM, then wait for the graceful shutdown (and the CPU profile, when asked for) before dropping the database. */
function stopService(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function call<T>(base: string, token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${API}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** 20,000 member units of the demo cluster, each with a delegate who has a live session. */
async function seedVoters(dataSource: DataSource, clusterId: string): Promise<Voter[]> {
  const rows = (await dataSource.query(
    `WITH units_ AS (
       INSERT INTO units (code, name, kind)
       SELECT 'bench-' || g, 'Liên minh Hợp tác xã thử ' || g, 'provincial_alliance' FROM generate_series(1, $1) g
       RETURNING id, code
     ), members AS (
       INSERT INTO cluster_memberships (cluster_id, unit_id, joined_on) SELECT $2, id, '2011-01-01' FROM units_
     ), people AS (
       INSERT INTO users (email, full_name, password_hash)
       SELECT 'daibieu.' || code || '@bench.local', 'Đại biểu ' || code, 'no-password' FROM units_
       RETURNING id, email
     ), delegates AS (
       INSERT INTO mandates (user_id, role, unit_id, valid_from)
       SELECT p.id, 'delegate', u.id, '2011-01-01' FROM people p JOIN units_ u ON p.email = 'daibieu.' || u.code || '@bench.local'
     )
     INSERT INTO auth_sessions (user_id, user_agent) SELECT id, 'bench' FROM people RETURNING id AS session_id, user_id`,
    [VOTERS, clusterId],
  )) as { session_id: string; user_id: string }[];
  return rows.map((row) => ({
    userId: row.user_id,
    sessionId: row.session_id,
    // The access token the service would issue at login (sub, sid), made beforehand.
    token: sign({ sub: row.user_id, sid: row.session_id }, SECRET, { algorithm: 'HS256', expiresIn: '2h' }),
  }));
}

/** A meeting of the 2011 cycle at which every bench unit's delegate is present. */
async function meetingWithEveryone(dataSource: DataSource, base: string, token: string, cycleId: string) {
  const meeting = await call<{ id: string }>(base, token, 'POST', `/cycles/${cycleId}/meetings`, {
    title: 'Hội nghị thử tải bỏ phiếu',
    heldOn: '2011-11-21',
    place: 'Thành phố Lạng Sơn',
    agenda: [{ title: 'Bầu cụm trưởng' }],
  });
  await dataSource.query(
    `INSERT INTO meeting_attendances (meeting_id, unit_id, delegate_id, checked_in_by)
     SELECT $1, m.unit_id, m.user_id, (SELECT id FROM users WHERE email = $2)
       FROM mandates m JOIN units u ON u.id = m.unit_id WHERE m.role = 'delegate' AND u.code LIKE 'bench-%'`,
    [meeting.id, SECRETARIAT],
  );
  return meeting.id;
}

async function openPoll(base: string, token: string, meetingId: string, candidateUnitIds: string[], title: string) {
  const poll = await call<{ id: string; version: number }>(base, token, 'POST', `/meetings/${meetingId}/polls`, {
    kind: 'leader_election',
    title,
    candidateUnitIds,
  });
  await call(base, token, 'POST', `/polls/${poll.id}/open`, {});
  return poll.id;
}

function castLoad(base: string, pollId: string, voters: Voter[], choices: string[]): Promise<autocannon.Result> {
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        amount: voters.length,
        requests: [
          {
            method: 'POST',
            path: `${API}/polls/${pollId}/ballots`,
            setupRequest: (request) => {
              const index = next++;
              const voter = voters[index % voters.length];
              return {
                ...request,
                headers: {
                  'content-type': 'application/json',
                  authorization: `Bearer ${voter.token}`,
                  'idempotency-key': randomUUID(),
                },
                body: JSON.stringify({ choice: choices[index % choices.length] }),
              };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    void instance;
  });
}

interface PgbenchResult {
  tps: number;
  latencyMs: number;
}

/** The same two inserts as one ballot, in a transaction, from pgbench — on copies without the roll FK. */
async function pgbench(dataSource: DataSource, databaseUrl: string, pollId: string): Promise<PgbenchResult | null> {
  try {
    await run('pgbench', ['--version']);
  } catch {
    return null;
  }
  await dataSource.query(`CREATE TABLE bench_participations (LIKE poll_participations INCLUDING ALL)`);
  await dataSource.query(`CREATE TABLE bench_ballots (LIKE ballots INCLUDING ALL)`);
  const dir = mkdtempSync(join(tmpdir(), 'thidua-pgbench-'));
  const script = join(dir, 'ballot.sql');
  writeFileSync(
    script,
    [
      '\\set choice random(0, 6)',
      'BEGIN;',
      `INSERT INTO bench_participations (poll_id, unit_id, key_hash) VALUES ('${pollId}', gen_random_uuid(), sha256(convert_to(gen_random_uuid()::text, 'UTF8')));`,
      `INSERT INTO bench_ballots (poll_id, tracker, choice) VALUES ('${pollId}', sha256(convert_to(gen_random_uuid()::text, 'UTF8')), :choice);`,
      'COMMIT;',
      '',
    ].join('\n'),
  );
  const url = new URL(databaseUrl);
  try {
    const { stdout } = await run('pgbench', [
      '-n',
      '-c',
      '8',
      '-j',
      '2',
      '-T',
      '10',
      '-f',
      script,
      '-h',
      url.hostname,
      '-p',
      url.port || '5432',
      '-U',
      decodeURIComponent(url.username || 'postgres'),
      url.pathname.slice(1),
    ]);
    const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1]);
    const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1]);
    return { tps, latencyMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** The service's tally (POST /polls/{id}/tally: its transaction, the GROUP BY, the rules) against the raw GROUP BY. */
async function tallyRatio(dataSource: DataSource, base: string, token: string, meetingId: string, choices: string[]) {
  const service: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < TALLY_POLLS; i++) {
    const pollId = await openPoll(base, token, meetingId, choices, `Phiếu kiểm đếm ${i + 1}`);
    // A million ballots: two candidates far ahead, so the count decides without a runoff or a draw.
    await dataSource.query(
      `INSERT INTO ballots (poll_id, tracker, choice)
       SELECT $1::uuid, sha256(convert_to($3 || g, 'UTF8')), CASE WHEN g % 10 < 8 THEN 0 ELSE g % 7 END
         FROM generate_series(1, $2) g`,
      [pollId, TALLY_BALLOTS, pollId],
    );
    await dataSource.query(`UPDATE polls SET status = 'closed', closed_at = now(), ballots_cast = $2 WHERE id = $1`, [
      pollId,
      TALLY_BALLOTS,
    ]);
    await dataSource.query('VACUUM ANALYZE ballots');
    const runs: number[] = [];
    for (let r = 0; r < RAW_RUNS; r++) {
      runs.push(
        await timed(() =>
          dataSource.query(`SELECT choice, count(*) FROM ballots WHERE poll_id = $1 GROUP BY choice`, [pollId]),
        ),
      );
    }
    raw.push(median(runs));
    service.push(await timed(() => call(base, token, 'POST', `/polls/${pollId}/tally`, {})));
  }
  return { serviceMs: median(service), rawMs: median(raw) };
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

const benchmark: LoadBenchmark = {
  name: 'Elections: casting secret ballots and counting them',
  description:
    `The service on the PostgreSQL server, in its own process; one poll with ${VOTERS.toLocaleString('en')} ` +
    `voters (tokens made beforehand); autocannon at ${CONNECTIONS} connections, one first ballot per voter; ` +
    'pgbench with the same two inserts in one transaction, in the same run; then the tally of ' +
    `${TALLY_BALLOTS.toLocaleString('en')} ballots against the raw GROUP BY.`,
  async run(serverUrl) {
    const name = `thidua_bench_elections_${Date.now().toString(36)}`;
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    await admin(serverUrl, `CREATE DATABASE "${name}"`);
    let dataSource: DataSource | undefined;
    let child: ChildProcess | undefined;
    try {
      dataSource = await new DataSource(
        buildDataSourceOptions({ ...readDatabaseConfig(), url: databaseUrl }),
      ).initialize();
      await dataSource.runMigrations({ transaction: 'each' });
      await loadDemoData(dataSource, () => argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id }));
      const [{ version }] = (await dataSource.query('SELECT version() AS version')) as { version: string }[];
      const [ids] = (await dataSource.query(
        `SELECT k.id AS cluster_id, c.id AS cycle_id FROM clusters k JOIN cycles c ON c.cluster_id = k.id
          WHERE k.code = $1 AND c.year = 2011`,
        [DEMO_CLUSTER_CODE],
      )) as { cluster_id: string; cycle_id: string }[];
      const candidates = (
        (await dataSource.query(
          `SELECT id FROM units WHERE code IN ('son-la', 'lai-chau', 'dien-bien', 'ha-giang', 'cao-bang', 'lao-cai') ORDER BY code`,
        )) as { id: string }[]
      ).map((row) => row.id);

      const seededAt = Date.now();
      const voters = await seedVoters(dataSource, ids.cluster_id);
      const service = await startService(databaseUrl);
      child = service.child;
      const base = service.base;
      const { accessToken } = await call<{ accessToken: string }>(base, null, 'POST', '/auth/login', {
        email: SECRETARIAT,
        password: DEMO_PASSWORD,
      });
      const meetingId = await meetingWithEveryone(dataSource, base, accessToken, ids.cycle_id);
      const pollId = await openPoll(base, accessToken, meetingId, candidates, 'Bầu cụm trưởng (thử tải)');
      const seconds = (Date.now() - seededAt) / 1000;

      // Warm-up on the first voters (JIT, pool, prepared statement), then every other voter once.
      await castLoad(base, pollId, voters.slice(0, WARMUP_VOTERS), candidates);
      const load = await castLoad(base, pollId, voters.slice(WARMUP_VOTERS), candidates);
      const [{ ballots }] = (await dataSource.query(`SELECT count(*)::int AS ballots FROM ballots WHERE poll_id = $1`, [
        pollId,
      ])) as { ballots: number }[];
      const ok = load['2xx'];
      const ballotsPerSecond = ok / (load.duration || 1);
      const pg = await pgbench(dataSource, databaseUrl, pollId);
      const floor = pg ? await bareFloor(databaseUrl, pollId) : null;
      const tally = await tallyRatio(dataSource, base, accessToken, meetingId, candidates);

      const machine = describeMachine();
      const ratio = pg ? ballotsPerSecond / pg.tps : null;
      const tallyRatioValue = tally.serviceMs / tally.rawMs;
      const verdict = (met: boolean) => (met ? 'met' : '**missed**');
      return [
        `date: ${new Date().toISOString()}; machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ` +
          `${machine.os}; node ${machine.node}; ${version.split(' on ')[0]}`,
        `setup: ${VOTERS} voters and their sessions seeded, meeting and poll opened through the API in ` +
          `${fixed(seconds)} s; service pool ${POOL_SIZE}; autocannon in the bench process, the service in a child process`,
        '',
        '| what | figure | target |',
        '|---|---:|---|',
        `| ballots cast (2xx) / non-2xx | ${ok} / ${load.non2xx} (stored: ${ballots}, incl. ${WARMUP_VOTERS} warm-up) | every voter once |`,
        `| ballots/s | ${fixed(ballotsPerSecond)} | |`,
        `| latency p50 / p99 | ${load.latency.p50} / ${load.latency.p99} ms | p99 ≤ 25 ms: ${verdict(load.latency.p99 <= 25)} |`,
        pg
          ? `| pgbench, same two inserts (-c 8 -j 2 -T 10) | ${fixed(pg.tps)} tx/s, ${fixed(pg.latencyMs, 2)} ms mean | |`
          : '| pgbench | not installed: absolute figures only | |',
        ratio !== null
          ? `| ballots/s ÷ pgbench tx/s | ${fixed(ratio, 2)} | ≥ 0.5: ${verdict(ratio >= 0.5)} |`
          : '| ballots/s ÷ pgbench tx/s | n/a | |',
        floor && pg
          ? `| reference: bare Fastify + pg, same rows in one statement, no auth (10 s) | ${fixed(floor.requests.average)} req/s ` +
            `(${fixed(floor.requests.average / pg.tps, 2)} × pgbench), p50 / p99 ${floor.latency.p50} / ${floor.latency.p99} ms | the floor on this machine |`
          : '',
        `| tally of ${TALLY_BALLOTS.toLocaleString('en')} ballots: service (POST …/tally) / raw GROUP BY | ` +
          `${fixed(tally.serviceMs)} / ${fixed(tally.rawMs)} ms (medians of ${TALLY_POLLS} polls) | |`,
        `| tally ratio | ${fixed(tallyRatioValue, 2)} | ≤ 1.5: ${verdict(tallyRatioValue <= 1.5)} |`,
        '',
      ].join('\n');
    } finally {
      if (child && child.exitCode === null) await stopService(child);
      await dataSource?.destroy();
      await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  },
};

export default benchmark;
