import type { Role } from './roles';

/**
 * What a route lets its caller do. Routes declare one of these (`@RequirePermission`), never a
 * role name; which roles grant which permissions is decided here, in one table.
 */
export enum Permission {
  SelfRead = 'self.read',
  UsersRead = 'users.read',
  UsersManage = 'users.manage',
  ClustersRead = 'clusters.read',
  ClustersManage = 'clusters.manage',
  UnitsRead = 'units.read',
  UnitsManage = 'units.manage',
  MembershipsManage = 'memberships.manage',
  MembershipsAnswer = 'memberships.answer',
  MandatesRead = 'mandates.read',
  MandatesManage = 'mandates.manage',
  LedgerRead = 'ledger.read',
  LedgerVerify = 'ledger.verify',
  CyclesRead = 'cycles.read',
  CyclesManage = 'cycles.manage',
  ApprovalsRead = 'approvals.read',
  ApprovalsAct = 'approvals.act',
  DelegationsManage = 'delegations.manage',
  RulesRead = 'rules.read',
  RulesDraft = 'rules.draft',
  ReportsRead = 'reports.read',
  ReportsDraft = 'reports.draft',
  ScoringRead = 'scoring.read',
  ScoringManage = 'scoring.manage',
  ScoresEnter = 'scores.enter',
  ScoresReview = 'scores.review',
  EvidenceUpload = 'evidence.upload',
  SigningKeysRead = 'signing_keys.read',
  SigningKeysManage = 'signing_keys.manage',
  DocumentsSign = 'documents.sign',
  PledgesRead = 'pledges.read',
  PledgesManage = 'pledges.manage',
  PledgesDraft = 'pledges.draft',
  MeetingsRead = 'meetings.read',
  MeetingsManage = 'meetings.manage',
  AttendanceCheckIn = 'attendance.check_in',
  PollsRead = 'polls.read',
  PollsManage = 'polls.manage',
  BallotsCast = 'ballots.cast',
  PaperCountsEnter = 'paper_counts.enter',
  FlagsRead = 'flags.read',
  FlagsManage = 'flags.manage',
  FlagsReport = 'flags.report',
  RecordsRead = 'records.read',
}

/** Granted to every signed-in person, with or without a mandate. */
export const BASE_PERMISSIONS: readonly Permission[] = [
  Permission.SelfRead,
  Permission.ClustersRead,
  Permission.UnitsRead,
  Permission.LedgerVerify,
  Permission.CyclesRead,
  Permission.RulesRead,
  Permission.ReportsRead,
  Permission.ScoringRead,
  // Reviewing is decided per sheet: the person must be assigned to it (and not of its unit).
  Permission.ScoresReview,
  // Acting is decided per document by the workflow (unit head, member heads, delegation…).
  Permission.ApprovalsRead,
  Permission.ApprovalsAct,
  // Everyone may register keys on their own account; whether a signature counts is decided per
  // document (head of the unit that day, a delegation, the secretariat, the counting board).
  Permission.SigningKeysRead,
  Permission.SigningKeysManage,
  Permission.DocumentsSign,
  Permission.PledgesRead,
  Permission.MeetingsRead,
  Permission.PollsRead,
  // Checking in is decided per unit (the person's delegate or head mandate); voting per poll, by
  // the frozen roll: a person not on it is refused whatever their roles.
  Permission.AttendanceCheckIn,
  Permission.BallotsCast,
  // Entering paper counts is decided per poll: the person must be on its counting board.
  Permission.PaperCountsEnter,
  Permission.FlagsRead,
  Permission.RecordsRead,
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: Object.values(Permission),
  // The secretariat is a clerk of the members, not their superior: it invites units (their heads
  // accept) but names no unit and grants no mandate (docs/registry.md, decision 019).
  secretariat: [
    Permission.UsersRead,
    Permission.UsersManage,
    Permission.ClustersManage,
    Permission.MembershipsManage,
    Permission.MandatesRead,
    Permission.LedgerRead,
    Permission.CyclesManage,
    Permission.RulesDraft,
    Permission.ScoringManage,
    Permission.PledgesManage,
    Permission.MeetingsManage,
    Permission.PollsManage,
    Permission.FlagsManage,
  ],
  // Which unit: the head's own (RegistryPolicy, MandatePolicy) — its name, its officers and
  // delegates, its answer to an invitation and its leaving a cluster.
  head: [
    Permission.MandatesRead,
    Permission.MandatesManage,
    Permission.UnitsManage,
    Permission.MembershipsAnswer,
    Permission.UsersRead,
    Permission.UsersManage,
    Permission.DelegationsManage,
    Permission.ReportsDraft,
    Permission.ScoresEnter,
    Permission.EvidenceUpload,
    Permission.PledgesDraft,
    // Which flag: the one the head's unit holds (FlagPolicy).
    Permission.FlagsReport,
    // Which entries: the unit's and its clusters' (LedgerReadPolicy, docs/read-model.md).
    Permission.LedgerRead,
  ],
  officer: [
    Permission.ReportsDraft,
    Permission.ScoresEnter,
    Permission.EvidenceUpload,
    Permission.PledgesDraft,
    Permission.LedgerRead,
  ],
  delegate: [Permission.LedgerRead],
};

export function permissionsFor(roles: Iterable<Role>): Set<Permission> {
  const granted = new Set<Permission>(BASE_PERMISSIONS);
  for (const role of roles) for (const permission of ROLE_PERMISSIONS[role]) granted.add(permission);
  return granted;
}
