import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// The configuration reads the environment when the app is created, after main() has set it.
import { createApp } from '../src/app.factory';

/**
 * `npm run openapi:document [-- <file>]`: writes the OpenAPI document the application SERVES at
 * /docs-json (default src/api-client/openapi.json), the input of `redocly lint` and of the
 * generated client. The real application boots — on DATABASE_URL when set (migrated on start),
 * else on embedded PGlite in a throw-away folder — listens on 127.0.0.1 and is asked over HTTP,
 * so what is linted and generated is exactly what an integrator downloads.
 */
const DEFAULT_OUTPUT = 'src/api-client/openapi.json';

async function main(): Promise<void> {
  const output = resolve(process.argv[2] ?? DEFAULT_OUTPUT);
  process.env.DEMO_DATA = 'false';
  process.env.LOG_LEVEL ??= 'warn';
  let dataDir: string | undefined;
  if (process.env.DATABASE_URL) process.env.MIGRATIONS_RUN = 'true';
  else process.env.DATA_DIR = dataDir = mkdtempSync(join(tmpdir(), 'thidua-openapi-'));

  const app = await createApp();
  try {
    await app.listen(0, '127.0.0.1');
    const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const response = await fetch(`${baseUrl}/docs-json`);
    if (!response.ok) throw new Error(`GET /docs-json answered ${response.status}`);
    const document: unknown = await response.json();
    writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
    console.log(`OpenAPI document served at /docs-json written to ${output}`);
  } finally {
    await app.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
