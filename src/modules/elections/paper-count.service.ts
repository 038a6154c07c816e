import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { isAdmin, isSecretariatOf, type Actor } from '../../common/access/actor';
import { LedgerService } from '../ledger';
import { unitRefs } from '../registry';
import { userNames } from '../users';
import { CountingBoardPolicy } from './counting-board.policy';
import { CountingErrorCode, CountingException } from './counting.exception';
import type { PageQueryDto } from '../../common/pagination/page-query.dto';
import { findPage, type Page } from '../../common/pagination/pagination';
import type { HandPaperBallotDto, PaperBallotHolderDto, PaperBallotResponseDto } from './dto/counting-board.dto';
import { PollVoter } from './poll-voter.entity';
import { channelsMerged } from './bulletin-board';
import { CountingBoardMember } from './counting-board-member.entity';
import type { EnterPaperCountDto, PaperCountResponseDto } from './dto/paper-entries.dto';
import { ElectionsErrorCode, ElectionsException } from './elections.exception';
import { PaperCountEntry } from './paper-count-entry.entity';
import { loadPaperState, type PaperState } from './paper-count-reader';
import { currentFigures } from './paper-tally';
import { PollPolicy } from './poll.policy';
import { POLL_SUBJECT, findPoll, meetingOf } from './poll-store';
import type { Poll } from './poll.entity';

/**
 * Paper ballots (phiếu giấy): the secretariat records who was handed one (so that, in a mixed
 * poll, they cannot also vote electronically); after close each counting-board member enters the
 * whole count sheet; a correction is a new entry superseding the old, with its reason.
 */
@Injectable()
export class PaperCountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async handBallot(actor: Actor, pollId: string, dto: HandPaperBallotDto): Promise<PaperBallotResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      // KEY SHARE, as a cast takes: the close (FOR UPDATE) waits for us, and we see it once it is done.
      await manager.query(`SELECT id FROM polls WHERE id = $1 FOR KEY SHARE`, [pollId]);
      const poll = await findPoll(manager, pollId);
      PollPolicy.assertMayManage(actor, (await meetingOf(manager, poll)).clusterId);
      assertUsesPaper(poll);
      if (poll.status === 'draft') {
        throw new ElectionsException(ElectionsErrorCode.PollNotOpen, 'Open the poll before handing out ballots.');
      }
      if (poll.status !== 'open') {
        throw new ElectionsException(ElectionsErrorCode.PollClosed, `The poll is ${poll.status}.`, {
          status: poll.status,
        });
      }
      const [voter] = (await manager.query(`SELECT weight FROM poll_voters WHERE poll_id = $1 AND unit_id = $2`, [
        pollId,
        dto.unitId,
      ])) as { weight: number }[];
      if (!voter) {
        throw new CountingException(
          CountingErrorCode.PaperVoterNotOnRoll,
          'Only a unit on the frozen roll receives a ballot.',
          { unitId: dto.unitId },
        );
      }
      const inserted = (await manager.query(
        `INSERT INTO poll_participations (poll_id, unit_id, channel) VALUES ($1, $2, 'paper')
         ON CONFLICT DO NOTHING RETURNING 1`,
        [pollId, dto.unitId],
      )) as unknown[];
      if (inserted.length === 0) {
        throw new ElectionsException(
          ElectionsErrorCode.BallotAlreadyCast,
          'This unit has already voted in this poll, electronically or on paper: it gets no paper ballot.',
          { unitId: dto.unitId },
        );
      }
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'elections.paper_ballot_handed',
        subjectType: POLL_SUBJECT,
        subjectId: pollId,
        // Not the unit: who voted on paper is for the cluster's secretariat (GET …/paper-ballots), not the
        // ledger's readers — set against the board it could name a lone electronic voter (docs/elections.md).
        payload: { channel: 'paper' },
      });
      const [{ issued }] = (await manager.query(
        `SELECT coalesce(sum(v.weight), 0)::int AS issued
           FROM poll_participations p JOIN poll_voters v ON v.poll_id = p.poll_id AND v.unit_id = p.unit_id
          WHERE p.poll_id = $1 AND p.channel = 'paper'`,
        [pollId],
      )) as { issued: number }[];
      return { pollId, unitId: dto.unitId, channel: 'paper', ballots: voter.weight, paperBallotsIssued: issued };
    });
  }

  /** Who was handed paper ballots: the cluster's secretariat (or an administrator) only. */
  async paperBallots(actor: Actor, pollId: string, query: PageQueryDto): Promise<Page<PaperBallotHolderDto>> {
    const manager = this.dataSource.manager;
    const poll = await findPoll(manager, pollId);
    PollPolicy.assertMayManage(actor, (await meetingOf(manager, poll)).clusterId);
    const qb = manager
      .getRepository(PollVoter)
      .createQueryBuilder('v')
      .innerJoin('poll_participations', 'p', 'p.poll_id = v.poll_id AND p.unit_id = v.unit_id AND p.channel = :paper', {
        paper: 'paper',
      })
      .where('v.poll_id = :pollId', { pollId });
    const page = await findPage(qb, query, { fields: { unitId: 'unitId' }, default: 'unitId' }, (v) => v);
    // The page's units named by the registry in one read (the foreign key guarantees each).
    const units = await unitRefs(
      manager,
      page.items.map((v) => v.unitId),
    );
    return {
      ...page,
      items: page.items.map((v) => ({ unitId: v.unitId, unitCode: units.get(v.unitId)!.code, ballots: v.weight })),
    };
  }

  async enter(actor: Actor, pollId: string, dto: EnterPaperCountDto): Promise<PaperCountResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      // FOR SHARE: the tally (FOR UPDATE) counts either with this entry or after it, never during.
      await manager.query(`SELECT id FROM polls WHERE id = $1 FOR SHARE`, [pollId]);
      const poll = await findPoll(manager, pollId);
      assertUsesPaper(poll);
      if (poll.status === 'certified') throw CountingException.certified();
      if (poll.status !== 'closed') {
        throw new CountingException(
          CountingErrorCode.PaperCountNotOpen,
          poll.status === 'tallied'
            ? 'The poll is tallied with the accepted count; its figures stay.'
            : 'The ballot box is still open: count after the secretariat closes the poll.',
          { status: poll.status },
        );
      }
      await CountingBoardPolicy.assertOnBoard(manager, pollId, actor.userId);
      const before = await loadPaperState(manager, poll);
      const seen = new Set<string>();
      for (const { line } of dto.lines) {
        if (!before.lines.includes(line) || seen.has(line)) {
          throw new CountingException(
            CountingErrorCode.PaperLineInvalid,
            seen.has(line)
              ? `${line} is given twice.`
              : `${line} is not a line of this poll's sheet (${before.lines.join(', ')}).`,
            { line, sheetLines: before.lines },
          );
        }
        seen.add(line);
      }
      const mine = currentFigures(before.entries).get(actor.userId) ?? new Map<string, PaperCountEntry>();
      const changed = dto.lines.filter((l) => mine.get(l.line)?.count !== l.count);
      const corrections = changed.filter((l) => mine.has(l.line));
      if (corrections.length > 0 && !dto.reason) {
        throw new CountingException(
          CountingErrorCode.CorrectionReasonRequired,
          `You entered ${corrections.map((l) => l.line).join(', ')} before: say why the figure changes.`,
          { lines: corrections.map((l) => ({ line: l.line, previous: mine.get(l.line)!.count, count: l.count })) },
        );
      }
      const rows = changed.map((l) => {
        const previous = mine.get(l.line);
        return manager.create(PaperCountEntry, {
          pollId,
          enteredBy: actor.userId,
          line: l.line,
          count: l.count,
          supersedesId: previous?.id ?? null,
          reason: previous ? dto.reason! : null,
        });
      });
      if (rows.length > 0) {
        const saved = await manager.save(rows);
        await this.ledger.append(manager, {
          actorId: actor.userId,
          action: 'elections.paper_count_entered',
          subjectType: POLL_SUBJECT,
          subjectId: pollId,
          payload: {
            entries: saved.map((e) => ({
              id: e.id,
              line: e.line,
              count: e.count,
              supersedesId: e.supersedesId,
              previousCount: e.supersedesId ? mine.get(e.line)!.count : null,
              reason: e.reason,
            })),
          },
        });
      }
      return toPaperCountResponse(manager, poll, await loadPaperState(manager, poll));
    });
  }

  async entries(actor: Actor, pollId: string): Promise<PaperCountResponseDto> {
    const manager = this.dataSource.manager;
    const poll = await findPoll(manager, pollId);
    assertUsesPaper(poll);
    if (await channelsMerged(manager, poll)) {
      // Merged totals minus the paper figures would be the electronic totals of a few known voters.
      const clusterId = (await meetingOf(manager, poll)).clusterId;
      const counts = await manager.findOne(CountingBoardMember, { where: { pollId, userId: actor.userId } });
      if (!counts && !isAdmin(actor) && !isSecretariatOf(actor, clusterId)) {
        throw new CountingException(
          CountingErrorCode.PaperCountRestricted,
          'Too few units voted on one channel of this mixed poll for its paper figures to be shown apart: ' +
            "read the merged totals in the poll's result.",
          { pollId },
        );
      }
    }
    return toPaperCountResponse(manager, poll, await loadPaperState(manager, poll));
  }
}

function assertUsesPaper(poll: Poll): void {
  if (poll.method === 'electronic') {
    throw new CountingException(CountingErrorCode.PaperNotUsed, 'This poll is voted electronically only.');
  }
}

async function toPaperCountResponse(
  manager: EntityManager,
  poll: Poll,
  state: PaperState,
): Promise<PaperCountResponseDto> {
  const names = await userNames(
    manager,
    state.entries.map((entry) => entry.enteredBy),
  );
  const byId = new Map(state.entries.map((e) => [e.id, e]));
  const superseded = new Set(state.entries.map((e) => e.supersedesId));
  const { comparison } = state;
  return {
    pollId: poll.id,
    sheetLines: state.lines,
    accepted: comparison.accepted,
    agreeingMembers: comparison.agreeingMembers,
    sheet: comparison.sheet,
    lines: comparison.lines,
    inconsistencies: comparison.inconsistencies,
    paperBallotsIssued: state.issuedOnRecord,
    history: state.entries.map((e) => ({
      id: e.id,
      enteredBy: e.enteredBy,
      enteredByName: names.get(e.enteredBy) ?? '',
      line: e.line,
      count: e.count,
      supersedesId: e.supersedesId,
      previousCount: e.supersedesId ? (byId.get(e.supersedesId)?.count ?? null) : null,
      reason: e.reason,
      enteredAt: e.enteredAt.toISOString(),
      current: !superseded.has(e.id),
    })),
  };
}
