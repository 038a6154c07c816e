import { loadavg } from 'node:os';
import type { BrowserContext, BrowserContextOptions } from 'playwright-core';
import type { Benchmark } from './lib/bench';
import type { BenchDatabase } from './lib/bench-database';
import { startGzipProxy } from './lib/gzip-proxy';
import { buildWebApp, type WebBuild } from './lib/web-build';
import { launchChromium, loadPage, SLOW_4G, type PageLoad } from './lib/web-load';
import { createDemoMeeting, startWebService } from './lib/web-service';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const RUNS = env('BENCH_WEB_RUNS', 5);
const WARMUP = env('BENCH_WEB_WARMUP', 1);
/** The pages to load; `{meeting}` is the demo meeting the bench creates. */
const PAGES = (process.env.BENCH_WEB_PAGES ?? '/,/m/{meeting},/meetings/{meeting}/projector').split(',');
/** CPU slowdowns to measure each page at; the verdict is read at 1 (the Slow 4G preset is network only). */
const CPU_RATES = (process.env.BENCH_WEB_CPU ?? '1,4').split(',').map(Number);
/** How the pages are served: by the service itself, and through a gzipping reverse proxy (bench/lib/gzip-proxy.ts). */
const VIAS = (process.env.BENCH_WEB_VIA ?? 'service,gzip-proxy').split(',') as Via[];
/**
 * A demo account (e.g. daibieu.son-la@thidua.local): each page is measured a second time with that
 * person signed in beforehand through the browser sign-in (`POST /auth/browser/login`, which sets
 * the refresh cookie), as a delegate who signed in earlier and opens the link again.
 */
const SIGN_IN = process.env.BENCH_WEB_SIGN_IN;
const QUIET_MS = env('BENCH_WEB_QUIET_MS', 2000);
const TIMEOUT_MS = env('BENCH_WEB_TIMEOUT_MS', 120_000);

/** docs/../PERFORMANCE "The web app": the first page's gzipped JS+CSS and its LCP under Slow 4G. */
const BUDGET = { bytes: 200 * 1000, lcpMs: 2500 };

/** As the browser tests hold a phone (test/web/browser.ts PHONE), and the hall's projector. */
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const PROJECTOR: BrowserContextOptions = { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 };

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const JS_CSS = new Set(['Script', 'Stylesheet']);
type Via = 'service' | 'gzip-proxy';

interface Measured {
  via: Via;
  path: string;
  viewport: string;
  cpuRate: number;
  loads: PageLoad[];
  /** Built files (`assets/…`) of the JS and CSS the page loaded. */
  files: string[];
  wireBytes: number;
  allWireBytes: number;
  encodings: string[];
  gzipBytes: number;
  rawBytes: number;
  lcp: { median: number | null; min: number | null; max: number | null; element: string };
  fcpMedian: number | null;
  notFound: boolean;
}

function summarize(
  via: Via,
  path: string,
  viewport: string,
  cpuRate: number,
  loads: PageLoad[],
  build: WebBuild,
): Measured {
  const perLoad = loads.map((load) => load.transfers.filter((t) => JS_CSS.has(t.type)));
  const files = [...new Set(perLoad.flat().map((t) => new URL(t.url).pathname.slice(1)))].sort();
  const sizes = files.map((file) => build.size(file) ?? { raw: 0, gzip: 0 });
  const lcps = loads.map((load) => load.lcpMs).filter((value): value is number => value !== null);
  const lcpMedian = lcps.length === loads.length ? median(lcps) : null;
  const middle = loads.find((load) => load.lcpMs === lcpMedian) ?? loads[0];
  const fcps = loads.map((load) => load.fcpMs).filter((value): value is number => value !== null);
  return {
    via,
    path,
    viewport,
    cpuRate,
    loads,
    files,
    wireBytes: median(perLoad.map((transfers) => transfers.reduce((sum, t) => sum + t.encodedBytes, 0))),
    allWireBytes: median(loads.map((load) => load.transfers.reduce((sum, t) => sum + t.encodedBytes, 0))),
    encodings: [...new Set(perLoad.flat().map((t) => t.contentEncoding || 'none'))],
    gzipBytes: sizes.reduce((sum, size) => sum + size.gzip, 0),
    rawBytes: sizes.reduce((sum, size) => sum + size.raw, 0),
    lcp: {
      median: lcpMedian,
      min: lcps.length ? Math.min(...lcps) : null,
      max: lcps.length ? Math.max(...lcps) : null,
      element: middle.lcpElement,
    },
    fcpMedian: fcps.length ? median(fcps) : null,
    notFound: loads.some((load) => load.notFound),
  };
}

const msOrDash = (value: number | null) => (value === null ? '—' : value.toFixed(0));

function verdict(m: Measured): string {
  if (m.notFound) return 'n/a: no such page in the app yet (its not-found page answered)';
  const bytes = m.gzipBytes <= BUDGET.bytes ? 'bytes ✓' : `bytes ✗ (${kb(m.gzipBytes - BUDGET.bytes)} KB over)`;
  const lcp =
    m.lcp.median === null
      ? 'LCP ✗ (no LCP entry)'
      : m.lcp.median <= BUDGET.lcpMs
        ? 'LCP ✓'
        : `LCP ✗ (${(m.lcp.median - BUDGET.lcpMs).toFixed(0)} ms over)`;
  return m.cpuRate === 1 ? `${bytes}, ${lcp}` : `(${lcp.replace(' ✓', ' would pass').replace(' ✗', ' would fail')})`;
}

function report(results: Measured[], build: WebBuild): void {
  console.log(
    '| served by | page | viewport | CPU | runs | JS+CSS files | JS+CSS on the wire KB | JS+CSS gzip KB | JS+CSS raw KB | all on the wire KB | FCP median ms | LCP median ms | LCP min–max ms | verdict |',
  );
  console.log('|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const m of results) {
    console.log(
      `| ${m.via} | ${m.path} | ${m.viewport} | ${m.cpuRate}× | ${m.loads.length} | ${m.files.length} | ${kb(m.wireBytes)} | ` +
        `${kb(m.gzipBytes)} | ${kb(m.rawBytes)} | ${kb(m.allWireBytes)} | ${msOrDash(m.fcpMedian)} | ` +
        `${msOrDash(m.lcp.median)} | ${msOrDash(m.lcp.min)}–${msOrDash(m.lcp.max)} | ${verdict(m)} |`,
    );
  }
  console.log('');
  for (const m of results.filter((r) => r.cpuRate === CPU_RATES[0])) {
    console.log(
      `- ${m.via}, ${m.path}: LCP element ${m.lcp.element}; JS/CSS content-encoding: ${m.encodings.join(', ')}`,
    );
  }
  for (const m of results.filter((r) => r.cpuRate === CPU_RATES[0] && !r.notFound)) {
    const load = m.loads.find((l) => l.lcpMs === m.lcp.median) ?? m.loads[0];
    console.log(`\n${m.via}, ${m.path}: the requests of the median load (LCP at ${msOrDash(load.lcpMs)} ms)\n`);
    console.log('| sent ms | done ms | type | path | on the wire KB |');
    console.log('|---:|---:|---|---|---:|');
    for (const t of [...load.transfers].sort((x, y) => x.startMs - y.startMs)) {
      const url = new URL(t.url);
      const path = url.pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{id}');
      console.log(`| ${t.startMs.toFixed(0)} | ${t.endMs.toFixed(0)} | ${t.type} | ${path} | ${kb(t.encodedBytes)} |`);
    }
  }
  const uncompressed = results.filter((m) => m.encodings.includes('none'));
  if (uncompressed.length > 0) {
    const m = uncompressed[0];
    console.log(
      `\nNOTE: the service sent JS/CSS without content-encoding: ${kb(m.wireBytes)} KB went over the wire for ` +
        `${m.path} where gzip would send ${kb(m.gzipBytes)} KB; the LCP above pays for the uncompressed bytes.`,
    );
  }

  const files = [...new Set(results.flatMap((m) => m.files))].sort();
  console.log('\n### The files the pages loaded (gzip: zlib level 6 of the built file)\n');
  console.log('| file | chunk of (Vite manifest) | raw KB | gzip KB | loaded by |');
  console.log('|---|---|---:|---:|---|');
  for (const file of files) {
    const size = build.size(file);
    const pages = [...new Set(results.filter((m) => m.files.includes(file)).map((m) => m.path))];
    console.log(
      `| ${file} | ${build.origin(file)} | ${kb(size?.raw ?? 0)} | ${kb(size?.gzip ?? 0)} | ${pages.join(', ')} |`,
    );
  }
  for (const file of files.filter((name) => name.endsWith('.js'))) {
    const packages = build.packages(file);
    if (packages.length === 0) continue;
    const top = packages.slice(0, 12);
    const rest = packages.slice(12);
    console.log(`\n### What ${file} is made of (its source map; gzip per package alone, an estimate)\n`);
    console.log('| package | minified KB | gzip KB (alone) |');
    console.log('|---|---:|---:|');
    for (const p of top) console.log(`| ${p.name} | ${kb(p.raw)} | ${kb(p.gzip)} |`);
    if (rest.length > 0) {
      const raw = rest.reduce((sum, p) => sum + p.raw, 0);
      const gzip = rest.reduce((sum, p) => sum + p.gzip, 0);
      console.log(`| ${rest.length} more | ${kb(raw)} | ${kb(gzip)} |`);
    }
  }
}

async function browserSignIn(context: BrowserContext, origin: string, password: string): Promise<void> {
  const res = await context.request.post(`${origin}/api/v1/auth/browser/login`, {
    data: { email: SIGN_IN, password },
  });
  if (!res.ok()) {
    throw new Error(
      `BENCH_WEB_SIGN_IN: POST /auth/browser/login answered ${res.status()} ${await res.text()} ` +
        '(this checkout needs the browser sign-in of #15, and a demo account)',
    );
  }
}

const benchmark: Benchmark = {
  name: 'web',
  description:
    `The web app's first load in Debian's Chromium under Chrome DevTools' "Slow 4G" (${SLOW_4G.latency} ms ` +
    `latency, ${SLOW_4G.downloadThroughput} B/s down, ${SLOW_4G.uploadThroughput} B/s up, cache disabled), ` +
    `served by the real service: gzipped JS+CSS ≤ ${BUDGET.bytes / 1000} KB and LCP ≤ ${BUDGET.lcpMs} ms ` +
    `(median of ${RUNS} loads after ${WARMUP} warm-up), at CPU slowdown ${CPU_RATES.join('× and ')}×.`,
  server: true,
  async run(database: BenchDatabase) {
    console.log(
      `load average before: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    let since = Date.now();
    const build = buildWebApp();
    console.log(
      `npm run build -w web (type check + vite build, manifest, hidden source maps): ${Date.now() - since} ms`,
    );
    try {
      since = Date.now();
      const service = await startWebService(database.url!, build.dir);
      try {
        const meetingId = await createDemoMeeting(service, database.dataSource);
        console.log(
          `service started with the demo cluster, demo meeting ${meetingId} created: ${Date.now() - since} ms`,
        );
        const proxy = VIAS.includes('gzip-proxy') ? await startGzipProxy(service.origin) : undefined;
        const browser = await launchChromium();
        try {
          console.log(`browser: Chromium ${browser.version()}, headless\n`);
          const results: Measured[] = [];
          for (const via of VIAS) {
            const origin = via === 'gzip-proxy' ? proxy!.origin : service.origin;
            for (const template of PAGES) {
              const path = template.replaceAll('{meeting}', meetingId);
              const projector = /\/projector$/.test(path);
              const context = { ...(projector ? PROJECTOR : PHONE), locale: 'vi-VN' };
              const viewport = projector ? '1920×1080' : 'phone 390×844';
              for (const signedIn of SIGN_IN ? [false, true] : [false]) {
                const prepare = signedIn
                  ? (c: BrowserContext) => browserSignIn(c, origin, service.demoPassword)
                  : undefined;
                const label = signedIn ? `${template} (signed in)` : template;
                for (const cpuRate of CPU_RATES) {
                  const options = { context, cpuRate, quietMs: QUIET_MS, timeoutMs: TIMEOUT_MS, prepare };
                  for (let i = 0; i < WARMUP; i++) await loadPage(browser, `${origin}${path}`, options);
                  const loads: PageLoad[] = [];
                  for (let i = 0; i < RUNS; i++) loads.push(await loadPage(browser, `${origin}${path}`, options));
                  results.push(summarize(via, label, viewport, cpuRate, loads, build));
                }
              }
            }
          }
          report(results, build);
          console.log(
            `\nload average after: ${loadavg()
              .map((l) => l.toFixed(2))
              .join(' ')}\n`,
          );
        } finally {
          await browser.close();
          await proxy?.stop();
        }
      } finally {
        await service.stop();
      }
    } finally {
      await build.dispose();
    }
  },
};

export default benchmark;
