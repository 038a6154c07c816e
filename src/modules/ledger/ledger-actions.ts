/**
 * Every action a ledger entry can record, per module, in one place: `LedgerService.append` takes a
 * `LedgerAction`, so a misspelt action fails the typecheck instead of writing a new word into the
 * chain. The values are what `ledger_entries.action` holds; renaming one would break the meaning of
 * entries already written. docs/read-model.md lists them (test/integration/ledger-actions.spec.ts
 * keeps that list equal to this one).
 */
export const LEDGER_ACTIONS = {
  approvals: [
    'approvals.request_opened',
    'approvals.act_recorded',
    'approvals.state_changed',
    'approvals.delegation_granted',
    'approvals.delegation_revoked',
  ],
  cycles: [
    'cycles.cycle_opened',
    'cycles.deadlines_changed',
    'cycles.phase_advanced',
    'cycles.phase_reopened',
    'cycles.rules_pinned',
  ],
  elections: [
    'elections.poll_created',
    'elections.runoff_created',
    'elections.poll_opened',
    'elections.paper_ballot_handed',
    'elections.poll_closed',
    'elections.counting_board_proposed',
    'elections.counting_board_hand_raised',
    'elections.counting_board_confirmed',
    'elections.paper_count_entered',
    'elections.draw_seeded',
    'elections.poll_tallied',
    'elections.counting_record_signed',
    'elections.result_certified',
    'elections.leadership_recorded',
  ],
  evidence: ['evidence.file_attached', 'evidence.file_removed'],
  flags: [
    'flags.flag_registered',
    'flags.handover_opened',
    'flags.handover_released',
    'flags.handover_received',
    'flags.handover_cancelled',
    'flags.incident_reported',
    'flags.incident_resolved',
    'flags.photo_set',
  ],
  mandates: ['mandates.mandate_granted', 'mandates.mandate_ended'],
  meetings: [
    'meetings.meeting_created',
    'meetings.meeting_updated',
    'meetings.attendance_checked_in',
    'meetings.attendance_checked_out',
  ],
  pledges: [
    'pledges.pledge_created',
    'pledges.pledge_amended',
    'pledges.pledge_updated',
    'pledges.targets_set',
    'pledges.targets_approved',
    'pledges.unit_signed',
    'pledges.sealed',
    'pledges.progress_drafted',
    'pledges.progress_updated',
    'pledges.progress_approved',
  ],
  registry: [
    'registry.cluster_created',
    'registry.cluster_updated',
    'registry.unit_created',
    'registry.unit_updated',
    'registry.invitation_sent',
    'registry.invitation_accepted',
    'registry.invitation_declined',
    'registry.invitation_withdrawn',
    'registry.membership_started',
    'registry.membership_ended',
    'registry.leadership_recorded',
  ],
  reports: ['reports.report_drafted', 'reports.report_updated', 'reports.report_approved'],
  rules: ['rules.version_drafted', 'rules.amendment_drafted', 'rules.version_revised', 'rules.version_adopted'],
  scoring: [
    'scoring.period_opened',
    'scoring.sheet_created',
    'scoring.self_score_entered',
    'scoring.explanation_entered',
    'scoring.sheet_submitted',
    'scoring.sheet_returned',
    'scoring.reviewer_assigned',
    'scoring.reviewer_unassigned',
    'scoring.reviewed_score_entered',
    'scoring.final_score_fixed',
    'scoring.draw_seeded',
    'scoring.ranking_adopted',
  ],
  signatures: ['signatures.key_registered', 'signatures.key_revoked'],
  users: ['users.user_created', 'users.user_updated', 'users.password_changed', 'users.password_reset'],
} as const;

export type LedgerModule = keyof typeof LEDGER_ACTIONS;

/** The actions of one module, e.g. `LedgerActionOf<'registry'>`. */
export type LedgerActionOf<M extends LedgerModule> = (typeof LEDGER_ACTIONS)[M][number];

/** Any action the ledger records: `<module>.<what happened>`. */
export type LedgerAction = LedgerActionOf<LedgerModule>;

export const ALL_LEDGER_ACTIONS: readonly LedgerAction[] = Object.values(LEDGER_ACTIONS).flat();
