import type { ReplayClient } from './replay-client';
import type { ReplaySigner } from './replay-signing';

/** What the steps of the replay share: the client, the ids the API gave back, the people's keys. */
export interface Replay {
  client: ReplayClient;
  adminEmail: string;
  /** The password of every account the replay creates. */
  peoplePassword: string;
  ids: {
    clusterId: string;
    cycleId: string;
    rulesVersionId: string;
    pledgeId: string;
    periodId: string;
    meetingId: string;
    pollId: string;
    flagId: string;
    handoverId: string;
    units: Record<string, string>;
    users: Record<string, string>;
  };
  /** Signing keys by the email of their holder. */
  keys: Record<string, ReplaySigner>;
  /** What the replay found, for the summary and the tests. */
  outcome: Replay2011Outcome;
}

export interface Replay2011Outcome {
  totals?: Record<string, number | string>;
  pledgeBundle?: { valid: boolean; problems: string[]; signatures: number };
  ranking?: { unitCode: string; total: string; rank: number }[];
  quorum?: { present: number; members: number; requiredUnits: number; met: boolean };
  refusedCandidate?: { unitCode: string; refusalCode: string; refusalReason: string };
  election?: { winnerCode: string; votes: number; ballots: number; certifiedAt: string };
  leader2012?: { unitCode: string; basis: string };
  custody?: { position: number; state: string; custodian: string | null; cause: string }[];
  cyclePhase?: string;
  ledger?: { valid: boolean; length: number; headHash: string };
  documents?: { name: string; route: string; bytes: Buffer }[];
}

export function newReplay(client: ReplayClient, adminEmail: string, peoplePassword: string): Replay {
  return {
    client,
    adminEmail,
    peoplePassword,
    ids: {
      clusterId: '',
      cycleId: '',
      rulesVersionId: '',
      pledgeId: '',
      periodId: '',
      meetingId: '',
      pollId: '',
      flagId: '',
      handoverId: '',
      units: {},
      users: {},
    },
    keys: {},
    outcome: {},
  };
}
