import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PollVoter } from './poll-voter.entity';

export const PARTICIPATION_CHANNELS = ['electronic', 'paper'] as const;
export type ParticipationChannel = (typeof PARTICIPATION_CHANNELS)[number];

/**
 * "Who has voted" (đã bỏ phiếu): one row per voter of the roll who cast (or was handed a paper
 * ballot). It shares nothing with the ballot but the poll: no choice, no tracker, no time, no
 * order — see docs/elections.md and decision 010. `key_hash` = sha256('participation|' + poll id
 * + '|' + idempotency key) lets a retry be recognised without naming the ballot. Append-only.
 */
@Entity({ name: 'poll_participations' })
@Check('ck_poll_participations_channel', `"channel" IN ('electronic', 'paper')`)
@Check(
  'ck_poll_participations_key_hash',
  `("channel" = 'electronic') = ("key_hash" IS NOT NULL) AND ("key_hash" IS NULL OR octet_length("key_hash") = 32)`,
)
export class PollParticipation {
  @PrimaryColumn({ name: 'poll_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_participations' })
  pollId: string;

  @PrimaryColumn({ name: 'unit_id', type: 'uuid', primaryKeyConstraintName: 'pk_poll_participations' })
  unitId: string;

  // Only a voter of the frozen roll can have voted.
  @ManyToOne(() => PollVoter, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'poll_id', referencedColumnName: 'pollId', foreignKeyConstraintName: 'fk_poll_participations_voter' },
    { name: 'unit_id', referencedColumnName: 'unitId', foreignKeyConstraintName: 'fk_poll_participations_voter' },
  ])
  voter?: PollVoter;

  @Column({ type: 'text', default: 'electronic' })
  channel: ParticipationChannel;

  @Column({ name: 'key_hash', type: 'bytea', nullable: true })
  keyHash: Buffer | null;
}
