import 'reflect-metadata';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Client } from 'pg';
// The configuration reads the environment when the app is created, after main() has set it.
import { createApp } from '../app.factory';
import { replay2011 } from './replay-2011.scenario';

/**
 * `npm run demo:2011 [-- --out <folder>]`: the 2011 meeting replayed through the HTTP API, from an
 * empty database — embedded PGlite in DEMO_2011_DATA_DIR (default ./data/demo-2011, wiped first),
 * or the empty PostgreSQL database named by DATABASE_URL (migrated first; refused if it holds
 * data). The real application listens on 127.0.0.1 on a free port; the scenario
 * (replay-2011.scenario.ts) drives it through the generated client (src/api-client) and this
 * prints its summary and writes the PDFs.
 */
const DEFAULT_DATA_DIR = './data/demo-2011';
const DEFAULT_OUTPUT = './demo-2011-output';
const DEFAULT_PASSWORD = 'thidua-demo-2011';

async function main(): Promise<void> {
  const outputDir = resolve(argument('--out') ?? DEFAULT_OUTPUT);
  // The replay creates its own people, starting from the first administrator; no demo data.
  process.env.DEMO_DATA = 'false';
  process.env.ADMIN_EMAIL ||= 'admin@thidua.local';
  process.env.ADMIN_PASSWORD ||= DEFAULT_PASSWORD;
  process.env.LOG_LEVEL ??= 'warn';
  // Some 25 people sign in from this one address within minutes: above the default per-IP limit.
  process.env.LOGIN_LIMIT_PER_IP ??= '1000';
  const peoplePassword = process.env.DEMO_PASSWORD ?? DEFAULT_PASSWORD;

  let database: string;
  let explore: string;
  if (process.env.DATABASE_URL) {
    await assertEmptyServerDatabase(process.env.DATABASE_URL);
    process.env.MIGRATIONS_RUN = 'true';
    database = `PostgreSQL server ${redacted(process.env.DATABASE_URL)} (migrated on start)`;
    explore = `DATABASE_URL=${redacted(process.env.DATABASE_URL)} DEMO_DATA=false npm start`;
  } else {
    const dataDir = resolve(process.env.DEMO_2011_DATA_DIR ?? DEFAULT_DATA_DIR);
    wipeDataDir(dataDir);
    process.env.DATA_DIR = dataDir;
    database = `embedded PGlite in ${dataDir} (wiped first)`;
    explore = `DATA_DIR=${display(dataDir)} DEMO_DATA=false npm start`;
  }

  console.log('The 2011 meeting of the northern border provinces’ emulation cluster, replayed through the API');
  console.log(`Database: ${database}`);
  const started = Date.now();
  const app = await createApp();
  try {
    await app.listen(0, '127.0.0.1');
    const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    console.log(`Service: ${baseUrl} (first administrator ${process.env.ADMIN_EMAIL})\n`);

    const { outcome } = await replay2011({
      baseUrl,
      adminEmail: process.env.ADMIN_EMAIL,
      adminPassword: process.env.ADMIN_PASSWORD,
      peoplePassword,
      log: (line) => console.log(line),
    });

    mkdirSync(outputDir, { recursive: true });
    for (const document of outcome.documents ?? []) writeFileSync(join(outputDir, document.name), document.bytes);
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`Done in ${seconds} s.`);
    console.log(`  2012 leader:  ${outcome.leader2012?.unitCode} (basis ${outcome.leader2012?.basis})`);
    console.log(`  flag held by: ${outcome.custody?.at(-1)?.custodian}`);
    console.log(`  cycle 2011:   ${outcome.cyclePhase}`);
    console.log(`  ledger:       ${outcome.ledger?.length} entries, valid: ${outcome.ledger?.valid}`);
    console.log(`  PDFs:         ${outcome.documents?.length ?? 0} written to ${display(outputDir)}`);
    console.log(`  explore:      ${explore}`);
    console.log(`                sign in as e.g. chutich.son-la@thidua.local with the password ${peoplePassword}`);
  } finally {
    await app.close();
  }
}

/** The value after `name` on the command line (`--out folder` or `--out=folder`). */
function argument(name: string): string | undefined {
  const args = process.argv.slice(2);
  const inline = args.find((arg) => arg.startsWith(`${name}=`));
  if (inline) return inline.slice(name.length + 1);
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** Wipes the replay's own folder; refuses a folder that holds anything else than a database of ours. */
function wipeDataDir(dataDir: string): void {
  if (existsSync(dataDir)) {
    const foreign = readdirSync(dataDir).filter((name) => name !== 'pg');
    if (foreign.length > 0) {
      throw new Error(
        `${dataDir} holds ${foreign.join(', ')}: not a replay database. Choose another DEMO_2011_DATA_DIR.`,
      );
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}

/** A server database for the replay must be empty: no tables, or thidua's tables with no rows. */
async function assertEmptyServerDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`,
      )
    ).rows.map((row) => row.name);
    if (tables.length === 0) return;
    const refuse = (why: string) => {
      throw new Error(`The database ${redacted(url)} ${why}. The replay needs an empty one (createdb a new database).`);
    };
    if (!tables.includes('typeorm_migrations')) refuse(`holds ${tables.length} tables that are not thidua's`);
    for (const table of ['users', 'clusters', 'ledger_entries'].filter((name) => tables.includes(name))) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`);
      if (rows[0].n !== '0') refuse(`already holds data (${rows[0].n} rows in ${table})`);
    }
  } finally {
    await client.end();
  }
}

function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? `./${rel}` : path;
}

main().catch((error: unknown) => {
  console.error(`\nThe replay stopped: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
