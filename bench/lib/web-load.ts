import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

/**
 * Chrome DevTools' "Slow 4G" preset, figure for figure (devtools-frontend,
 * front_end/core/sdk/NetworkManager.ts, `Slow4GConditions`; called "Fast 3G" before May 2024):
 * ~1.6 Mbit/s down and 750 kbit/s up, each × 0.9, and a 150 ms target RTT × 3.75 — the factors
 * DevTools applies because its throttling acts per request, after the connection, not per packet.
 * The preset is network only; CPU throttling is a separate DevTools setting (see `cpuRates`).
 */
export const SLOW_4G = {
  offline: false,
  /** 1.6 × 10⁶ / 8 × 0.9 = 180,000 bytes/s (1.44 Mbit/s). */
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  /** 750 × 10³ / 8 × 0.9 = 84,375 bytes/s (675 kbit/s). */
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
  /** 150 × 3.75 = 562.5 ms added to every request. */
  latency: 150 * 3.75,
};

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
  (path): path is string => Boolean(path),
);

/** Debian's Chromium with the browser tests' flags (test/web/browser.ts); a clear error when it is missing. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = CANDIDATES.find((path) => existsSync(path));
  if (!executablePath) {
    throw new Error(
      'No Chromium found (looked at CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser): ' +
        'install it with `apt-get install chromium` (Debian) or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({
    executablePath,
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
}

export interface Transfer {
  url: string;
  /** CDP resource type: Document, Script, Stylesheet, Fetch, EventSource, Font, Image… */
  type: string;
  status: number;
  /** Bytes received for it, headers included (Network.loadingFinished's encodedDataLength). */
  encodedBytes: number;
  /** The response's content-encoding ('' when the body came as it is). */
  contentEncoding: string;
  /** When it was sent and when its last byte came, ms after the page's own request was sent. */
  startMs: number;
  endMs: number;
}

export interface PageLoad {
  /** Largest Contentful Paint, ms from navigation start (null: the page painted no candidate). */
  lcpMs: number | null;
  /** The LCP element, as `tag#id.class "text…"`. */
  lcpElement: string;
  fcpMs: number | null;
  transfers: Transfer[];
  /** The app answered with its not-found page: the route does not exist (yet). */
  notFound: boolean;
}

export interface LoadOptions {
  context: BrowserContextOptions;
  /** Emulation.setCPUThrottlingRate: 1 = none, 4 = DevTools' "4× slowdown". */
  cpuRate: number;
  /** How long no request may start or end before the first load counts as over. */
  quietMs: number;
  timeoutMs: number;
  /** Runs in the fresh context before the measured load, unthrottled (e.g. a sign-in that sets a cookie). */
  prepare?: (context: BrowserContext) => Promise<void>;
}

/** Requests that never end while the page is open and do not belong to a first load. */
const LONG_LIVED = new Set(['EventSource', 'WebSocket']);

/**
 * Runs in the page (a string: the service's tsconfig has no DOM types). LCP: a PerformanceObserver
 * for 'largest-contentful-paint' with `buffered`, which hands over the entries recorded so far; the
 * last is the LCP. No entry at all (nothing painted) means no callback: a second's wait ends it.
 * The app answers a route it does not have with its not-found page
 * (web/src/pages/not-found-page.tsx, `#not-found-title`).
 */
const READ_PAINT = `new Promise((resolve) => {
  const describe = (element) => {
    if (!element) return '(no longer in the page)';
    const id = element.id ? '#' + element.id : '';
    const classes = [...element.classList].map((name) => '.' + name).join('');
    const text = (element.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return element.tagName.toLowerCase() + id + classes + (text ? ' "' + text + '"' : '');
  };
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const notFound = document.getElementById('not-found-title') !== null;
  const done = (entry) =>
    resolve({
      lcpMs: entry ? entry.startTime : null,
      lcpElement: entry ? describe(entry.element) : '(none)',
      fcpMs: fcp ? fcp.startTime : null,
      notFound,
    });
  const observer = new PerformanceObserver((list) => {
    observer.disconnect();
    done(list.getEntries().at(-1));
  });
  observer.observe({ type: 'largest-contentful-paint', buffered: true });
  setTimeout(() => {
    observer.disconnect();
    done(undefined);
  }, 1000);
})`;

/**
 * One first load of `url` in a fresh browser context (no cache, no cookies, no service worker),
 * with the network emulated as SLOW_4G and the cache disabled through CDP. The load is over when
 * the `load` event has fired and no request (other than an event stream) has started or ended for
 * `quietMs`: the route's lazy chunks and the page's first API calls are then part of it. LCP is read
 * with a PerformanceObserver for 'largest-contentful-paint' (buffered: the entries so far).
 */
export async function loadPage(browser: Browser, url: string, options: LoadOptions): Promise<PageLoad> {
  const context = await browser.newContext({ ...options.context, serviceWorkers: 'block' });
  try {
    await options.prepare?.(context);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const requests = new Map<
      string,
      { url: string; type: string; status: number; contentEncoding: string; startMs: number }
    >();
    /** CDP's monotonic clock (seconds) when the document's request was sent: the waterfall's zero. */
    let zero: number | undefined;
    const since = (timestamp: number) => (timestamp - (zero ?? timestamp)) * 1000;
    const pending = new Set<string>();
    const transfers: Transfer[] = [];
    let lastActivity = Date.now();
    cdp.on('Network.requestWillBeSent', (event) => {
      const type = event.type ?? 'Other';
      zero ??= event.timestamp;
      requests.set(event.requestId, {
        url: event.request.url,
        type,
        status: 0,
        contentEncoding: '',
        startMs: since(event.timestamp),
      });
      if (!LONG_LIVED.has(type)) pending.add(event.requestId);
      lastActivity = Date.now();
    });
    cdp.on('Network.responseReceived', (event) => {
      const request = requests.get(event.requestId);
      if (!request) return;
      request.type = event.type;
      request.status = event.response.status;
      const headers = Object.fromEntries(
        Object.entries(event.response.headers).map(([key, value]) => [key.toLowerCase(), value]),
      );
      request.contentEncoding = headers['content-encoding'] ?? '';
      // An event stream read with fetch (to send a token) is a Fetch that never ends: its type says so.
      if (LONG_LIVED.has(event.type) || event.response.mimeType === 'text/event-stream') {
        pending.delete(event.requestId);
      }
    });
    cdp.on('Network.loadingFinished', (event) => {
      const request = requests.get(event.requestId);
      if (request) transfers.push({ ...request, encodedBytes: event.encodedDataLength, endMs: since(event.timestamp) });
      pending.delete(event.requestId);
      lastActivity = Date.now();
    });
    cdp.on('Network.loadingFailed', (event) => {
      pending.delete(event.requestId);
      lastActivity = Date.now();
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    if (options.cpuRate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuRate });

    const deadline = Date.now() + options.timeoutMs;
    await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs });
    while (pending.size > 0 || Date.now() - lastActivity < options.quietMs) {
      if (Date.now() > deadline) {
        const open = [...pending].map((id) => requests.get(id)?.url).join(', ');
        throw new Error(`${url}: still loading after ${options.timeoutMs} ms (open: ${open || 'none'})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const paint = (await page.evaluate(READ_PAINT)) as Omit<PageLoad, 'transfers'>;
    return { ...paint, transfers };
  } finally {
    await context.close();
  }
}
