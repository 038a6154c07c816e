import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { VotingRules } from '../rules';

export const POLL_KINDS = ['leader_election', 'deputy_election', 'award_proposal', 'motion'] as const;
export type PollKind = (typeof POLL_KINDS)[number];
export const POLL_STATUSES = ['draft', 'open', 'closed', 'tallied', 'certified'] as const;
export type PollStatus = (typeof POLL_STATUSES)[number];
export const POLL_METHODS = ['electronic', 'paper', 'mixed'] as const;
export type PollMethod = (typeof POLL_METHODS)[number];

/** The voting rules of the pinned rules version, as they were when the poll was created. */
export type PollVotingRules = VotingRules;

/**
 * A vote at a meeting (cuộc bỏ phiếu): a leader or deputy election, an award proposal for one
 * category, or a motion. draft → open (roll frozen) → closed → tallied → certified. A runoff is a
 * new poll whose `parent_poll_id` is the previous ballot of the round (`round` counts ballots).
 * Certified, the row is read-only (trigger `trg_polls_certified`).
 */
@Entity({ name: 'polls' })
@Check('ck_polls_kind', `"kind" IN ('leader_election', 'deputy_election', 'award_proposal', 'motion')`)
@Check('ck_polls_status', `"status" IN ('draft', 'open', 'closed', 'tallied', 'certified')`)
@Check('ck_polls_method', `"method" IN ('electronic', 'paper', 'mixed')`)
@Check('ck_polls_award_category', `("kind" = 'award_proposal') = ("award_category_code" IS NOT NULL)`)
@Check('ck_polls_motion_text', `("kind" = 'motion') = ("motion_text" IS NOT NULL)`)
@Check('ck_polls_round', `"round" >= 1 AND ("round" = 1) = ("parent_poll_id" IS NULL)`)
@Check('ck_polls_opened', `"status" = 'draft' OR ("opened_at" IS NOT NULL AND "roll_digest" IS NOT NULL)`)
@Check('ck_polls_closed', `"status" IN ('draft', 'open') OR "closed_at" IS NOT NULL`)
@Check('ck_polls_tallied', `"status" NOT IN ('tallied', 'certified') OR "result" IS NOT NULL`)
@Check(
  'ck_polls_certified',
  `("status" = 'certified') = ("certified_at" IS NOT NULL AND "counting_record_document_id" IS NOT NULL)`,
)
// One runoff (next ballot) per poll.
@Index('uq_polls_parent', ['parentPollId'], { unique: true, where: '"parent_poll_id" IS NOT NULL' })
export class Poll {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_polls' })
  id: string;

  @Index('ix_polls_meeting')
  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  /** Foreign key only: meetings belong to the meetings module; this module keeps the id (issue 14). */
  @ManyToOne('Meeting', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'fk_polls_meeting' })
  meeting?: never;

  @Column({ type: 'text' })
  kind: PollKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: 'electronic' })
  method: PollMethod;

  @Column({ type: 'text', default: 'draft' })
  status: PollStatus;

  /** 1 for the first ballot; a runoff is round + 1 (at most the rules' maxBallotsPerRound). */
  @Column({ type: 'smallint', default: 1 })
  round: number;

  @Column({ name: 'parent_poll_id', type: 'uuid', nullable: true })
  parentPollId: string | null;

  @ManyToOne(() => Poll, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_poll_id', foreignKeyConstraintName: 'fk_polls_parent' })
  parentPoll?: Poll;

  /** The rules version the cycle was pinned to when the poll was created. */
  @Column({ name: 'rules_version_id', type: 'uuid' })
  rulesVersionId: string;

  /** Foreign key only: rules versions belong to the rules module; this module keeps the id (issue 14). */
  @ManyToOne('RulesVersion', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rules_version_id', foreignKeyConstraintName: 'fk_polls_rules_version' })
  rulesVersion?: never;

  @Column({ name: 'voting_rules', type: 'jsonb' })
  votingRules: PollVotingRules;

  /** Award proposals: the category's code in the rules. */
  @Column({ name: 'award_category_code', type: 'text', nullable: true })
  awardCategoryCode: string | null;

  /** Award proposals: the most candidates one ballot may approve (the category's quota). */
  @Column({ name: 'max_approvals', type: 'smallint', nullable: true })
  maxApprovals: number | null;

  /** Motions: what the meeting is asked to adopt. */
  @Column({ name: 'motion_text', type: 'text', nullable: true })
  motionText: string | null;

  /** Motions: the approval request (e.g. a rules version's adoption) that an adopted motion completes. */
  @Column({ name: 'approval_request_id', type: 'uuid', nullable: true })
  approvalRequestId: string | null;

  /** Foreign key only: approval requests belong to the approvals module; this module keeps the id (issue 14). */
  @ManyToOne('ApprovalRequest', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'approval_request_id', foreignKeyConstraintName: 'fk_polls_approval_request' })
  approvalRequest?: never;

  /** Member units of the cluster when the poll opened (the base of quorum and of `all_members`). */
  @Column({ name: 'member_count', type: 'integer', nullable: true })
  memberCount: number | null;

  /** Member units present when the poll opened. */
  @Column({ name: 'present_count', type: 'integer', nullable: true })
  presentCount: number | null;

  /** Voters on the frozen roll, and the sum of their weights. */
  @Column({ name: 'roll_size', type: 'integer', nullable: true })
  rollSize: number | null;

  @Column({ name: 'roll_weight', type: 'integer', nullable: true })
  rollWeight: number | null;

  /** SHA-256 of the frozen roll, also in the ledger entry `elections.poll_opened`. */
  @Column({ name: 'roll_digest', type: 'text', nullable: true })
  rollDigest: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'opened_by', type: 'uuid', nullable: true })
  openedBy: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy: string | null;

  /** Electronic ballots in the box at close, and the SHA-256 of the bulletin board. */
  @Column({ name: 'ballots_cast', type: 'integer', nullable: true })
  ballotsCast: number | null;

  @Column({ name: 'bulletin_digest', type: 'text', nullable: true })
  bulletinDigest: string | null;

  @Column({ name: 'tallied_at', type: 'timestamptz', nullable: true })
  talliedAt: Date | null;

  /** The tally (counts, base, threshold, outcome, winners, tie-breaks); see poll-result.ts. */
  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  /** The counting record (biên bản kiểm phiếu) as signed, kind `counting_record`. */
  @Column({ name: 'counting_record_document_id', type: 'uuid', nullable: true })
  countingRecordDocumentId: string | null;

  /** Foreign key only: signed documents belong to the signatures module; this module keeps the id (issue 14). */
  @ManyToOne('SignedDocument', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'counting_record_document_id', foreignKeyConstraintName: 'fk_polls_counting_record' })
  countingRecordDocument?: never;

  @Column({ name: 'certified_at', type: 'timestamptz', nullable: true })
  certifiedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'integer', default: 1 })
  version: number;
}
