import type { BrowserContext, Page } from 'playwright-core';
import { newReplay, type Replay } from '../../../src/demo/replay-2011.context';
import { REPLAY_2011_STEPS, type Replay2011StepKey } from '../../../src/demo/replay-2011.scenario';
import { ReplayClient } from '../../../src/demo/replay-client';
import { SECRETARIAT } from '../../../src/demo/replay-2011.data';
import { DEMO_PASSWORD, openSignedIn, startWebHarness, type WebHarness } from '../browser';

/**
 * The 2011 year of the source, for the console's browser tests: an empty service, the replay of
 * `npm run demo:2011` (src/demo) for what units, delegates and the administrator do through the API,
 * and — for the steps a test names — the secretariat's part done by a person in the console instead.
 *
 * A console step is `(year) => Promise<void>`: it does in the browser exactly what the replay's step
 * does as the secretariat, and the units' part of that step through `year.replay` (the same calls
 * as src/demo/replay-2011.<step>.ts), filling `year.replay.ids` as the replay would.
 */
export type ConsoleStep = (year: Year2011) => Promise<void>;

export interface Year2011 {
  harness: WebHarness;
  replay: Replay;
  /** The clerk's browser page (thuky1), signed in on first use, 1366×768, in Vietnamese. */
  secretariat(): Promise<Page>;
  /** Another person's page (a board member's own device, say), signed in at `path`. */
  pageOf(email: string, path: string, options?: { phone?: boolean }): Promise<Page>;
  /** Runs the replay's steps in order up to and including `until`; `console` replaces those it names. */
  run(until: Replay2011StepKey, console?: Partial<Record<Replay2011StepKey, ConsoleStep>>): Promise<void>;
  close(): Promise<void>;
}

const ADMIN = { email: 'quantri@thidua.local', password: 'replay-admin-password-2011' };

export async function startYear2011(): Promise<Year2011> {
  process.env.ADMIN_EMAIL = ADMIN.email;
  process.env.ADMIN_PASSWORD = ADMIN.password;
  const harness = await startWebHarness({ empty: true });
  const client = new ReplayClient(harness.baseUrl);
  client.knows(ADMIN.email, ADMIN.password);
  const replay = newReplay(client, ADMIN.email, DEMO_PASSWORD);
  const contexts: BrowserContext[] = [];
  let clerk: Page | undefined;
  let done = 0;

  const year: Year2011 = {
    harness,
    replay,
    async secretariat() {
      if (!clerk) clerk = await year.pageOf(SECRETARIAT[0], '/console');
      return clerk;
    },
    async pageOf(email, path, options = {}) {
      const context = await harness.browser.newContext({
        viewport: options.phone ? { width: 390, height: 844 } : { width: 1366, height: 768 },
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
      });
      contexts.push(context);
      const page = await context.newPage();
      await openSignedIn(page, harness.baseUrl, path, email);
      return page;
    },
    async run(until, consoleSteps = {}) {
      const last = REPLAY_2011_STEPS.findIndex((step) => step.key === until);
      if (last < 0) throw new Error(`No replay step ${until}`);
      while (done <= last) {
        // Counted before it runs: a chapter that failed is not run again by a later test.
        const step = REPLAY_2011_STEPS[done++];
        const inConsole = consoleSteps[step.key];
        if (inConsole) await inConsole(year);
        else await step.run(replay);
      }
    },
    async close() {
      for (const context of contexts) await context.close();
      await harness.close();
      delete process.env.ADMIN_EMAIL;
      delete process.env.ADMIN_PASSWORD;
    },
  };
  return year;
}
