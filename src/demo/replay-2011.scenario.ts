import { ReplayClient } from './replay-client';
import { newReplay, type Replay, type Replay2011Outcome } from './replay-2011.context';
import { handOverFlag } from './replay-2011.flag';
import { holdMeeting } from './replay-2011.meeting';
import { signPledge } from './replay-2011.pledge';
import { fetchRecords } from './replay-2011.records';
import { buildRegistry } from './replay-2011.registry';
import { scoreAndRank } from './replay-2011.scoring';
import { closeCycle, openCycleAndAdoptRules, reportResults, short } from './replay-2011.year';

/**
 * The 2011 meeting of the northern border provinces' cluster, replayed through the HTTP API as its
 * people would live it: from an empty service to the flag in Sơn La's hands and the 2011 cycle
 * closed. Each step is a chapter of the story; after each one the ledger's head is read, so the
 * summary shows how much of the year the audit chain has recorded.
 */
export interface Replay2011Options {
  /** Where the service listens, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** The first administrator (ADMIN_EMAIL / ADMIN_PASSWORD of the service). */
  adminEmail: string;
  adminPassword: string;
  /** The password given to every account the replay creates. */
  peoplePassword: string;
  /** Where the summary goes, line by line (the command line prints it; the tests keep it). */
  log?: (line: string) => void;
}

export interface ReplayStepSummary {
  number: number;
  title: string;
  lines: string[];
  ledger: { length: number; headHash: string };
}

export interface Replay2011Result {
  steps: ReplayStepSummary[];
  outcome: Replay2011Outcome;
}

/** The chapters, by key: the web tests replace the secretariat's part of one with the console's. */
export type Replay2011StepKey = 'registry' | 'rules' | 'pledge' | 'reports' | 'scoring' | 'meeting' | 'flag' | 'close';

export const REPLAY_2011_STEPS: { key: Replay2011StepKey; title: string; run: (r: Replay) => Promise<string[]> }[] = [
  {
    key: 'registry',
    title: 'The registry: the cluster, its 7 provincial alliances and their people; the 2011 leader; the flag',
    run: buildRegistry,
  },
  {
    key: 'rules',
    title: 'The 2011 cycle opened; the reward rules drafted, adopted by the heads, pinned',
    run: openCycleAndAdoptRules,
  },
  {
    key: 'pledge',
    title: 'The emulation pledge: targets approved, signed by the 7 heads, sealed by the 2011 leader',
    run: signPledge,
  },
  {
    key: 'reports',
    title: "The results report: each unit's 2011 figures, approved by its head; the cluster's totals",
    run: reportResults,
  },
  {
    key: 'scoring',
    title: 'Scoring and ranking: self-scores, cross-review, finals, the ranking adopted',
    run: scoreAndRank,
  },
  {
    key: 'meeting',
    title: 'The meeting of 21 November 2011: attendance, quorum, the 2012 leader elected',
    run: holdMeeting,
  },
  { key: 'flag', title: 'The rotating flag handed over to Sơn La', run: handOverFlag },
  {
    key: 'close',
    title: 'The 2011 cycle closed; the ledger verified; the signed records as PDFs',
    run: async (r) => [...(await closeCycle(r)), ...(await fetchRecords(r))],
  },
];

export async function replay2011(options: Replay2011Options): Promise<Replay2011Result> {
  const log = options.log ?? (() => undefined);
  const client = new ReplayClient(options.baseUrl);
  client.knows(options.adminEmail, options.adminPassword);
  const replay = newReplay(client, options.adminEmail, options.peoplePassword);
  const steps: ReplayStepSummary[] = [];

  for (const [index, step] of REPLAY_2011_STEPS.entries()) {
    const number = index + 1;
    log(`${number}. ${step.title}`);
    const lines = await step.run(replay);
    const head = await client.as(options.adminEmail).call((api) => api.GET('/api/v1/ledger/head'), 200);
    for (const line of lines) log(`   ${line}`);
    log(`   ledger: ${head.length} entries, head ${short(head.headHash)}`);
    log('');
    steps.push({ number, title: step.title, lines, ledger: { length: head.length, headHash: head.headHash } });
  }
  return { steps, outcome: replay.outcome };
}
