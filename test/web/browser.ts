import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import AxeBuilder from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../../src/app.factory';
import { createTestDatabase, DEMO_PASSWORD, type TestDatabase } from '../utils/test-database';

/**
 * Browser tests drive Debian's Chromium through playwright-core, the way a person does (roles and
 * labels). Where no Chromium is installed they say so loudly and skip — except in CI (CI=true),
 * where a missing browser is a failure: `.ci/run` installs the `chromium` package.
 */
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (path): path is string => Boolean(path),
);
export const chromiumPath = CANDIDATES.find((path) => existsSync(path));

if (!chromiumPath) {
  const message =
    'No Chromium found (looked at CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser): the browser tests ' +
    'are SKIPPED. Install it with `apt-get install chromium` (Debian) or set CHROMIUM_PATH.';
  if (process.env.CI === 'true') throw new Error(message);
  // eslint-disable-next-line no-console -- a skipped browser suite must be impossible to miss
  console.warn(`\n\n*** ${message} ***\n\n`);
}

/** `describe` when a browser can run, else `describe.skip` (see above). */
export const describeInBrowser = chromiumPath ? describe : describe.skip;

const root = join(__dirname, '..', '..');
const webDist = join(root, 'web', 'dist');

function newest(path: string): number {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
}

const buildLock = join(root, 'web', '.build-lock');

/** Blocks this worker for `ms` (the build is synchronous too; jest workers are processes). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds web/ when its sources are newer than its build, so the tests never see a stale app. Jest's
 * workers are separate processes: one builds while the others wait for its lock (a directory, made
 * atomically), then find the build fresh; a lock older than ten minutes is a crashed build's.
 */
export function ensureWebBuilt(): string {
  const stale = () => {
    const built = newest(join(webDist, 'index.html'));
    const sources = Math.max(newest(join(root, 'web', 'src')), newest(join(root, 'web', 'index.html')));
    return !built || sources > built;
  };
  for (;;) {
    // A build under way (another worker's): wait for it to end, never serve a half-written dist.
    const lock = statSync(buildLock, { throwIfNoEntry: false });
    if (lock) {
      if (Date.now() - lock.mtimeMs > 10 * 60_000) rmSync(buildLock, { recursive: true, force: true });
      else pause(500);
      continue;
    }
    if (!stale()) break;
    try {
      mkdirSync(buildLock);
    } catch {
      continue;
    }
    try {
      if (stale()) {
        const result = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, encoding: 'utf8' });
        if (result.status !== 0) throw new Error(`Building web/ failed:\n${result.stdout}\n${result.stderr}`);
      }
    } finally {
      rmSync(buildLock, { recursive: true, force: true });
    }
  }
  return webDist;
}

export interface WebHarness {
  app: NestFastifyApplication;
  database: TestDatabase;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real service on a free port with its own database copy, serving the built web app, and a browser. */
export async function startWebHarness(options: { empty?: boolean } = {}): Promise<WebHarness> {
  const webDistDir = ensureWebBuilt();
  const database = await createTestDatabase({ empty: options.empty });
  const app = await createApp({ dataSourceOptions: database.options, webDistDir });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    app,
    database,
    browser,
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await browser.close();
      await app.close();
      await database.dispose();
    },
  };
}

/** axe-core on the page as it is now: the serious and critical violations (the tests want none). */
/** With THIDUA_SCREENSHOTS=1, the whole page as a person sees it goes to docs/screenshots/<name>.png. */
export async function docsScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.THIDUA_SCREENSHOTS !== '1') return;
  const dir = join(root, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
}

/** Phone-sized context, as a delegate holds it in the meeting hall. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Password of every demo account (test/utils/test-database.ts). */
export { DEMO_PASSWORD };

/**
 * Opens `path` and signs in there as `email` through the page's own sign-in form (the way a person
 * does; the form shows wherever a page needs a session).
 */
export async function openSignedIn(page: Page, baseUrl: string, path: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor({ state: 'detached' });
}
