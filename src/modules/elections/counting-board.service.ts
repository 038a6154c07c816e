import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import type { IfMatch } from '../../common/versioning/version-precondition';
import { LedgerService } from '../ledger/ledger.service';
import { CountingBoardMember } from './counting-board-member.entity';
import { CountingBoardPolicy } from './counting-board.policy';
import { CountingErrorCode, CountingException } from './counting.exception';
import type { AppointCountingBoardDto, CountingBoardResponseDto } from './dto/counting-board.dto';
import { PaperCountEntry } from './paper-count-entry.entity';
import { PollPolicy } from './poll.policy';
import { POLL_SUBJECT, findPoll, meetingOf } from './poll-store';
import type { Poll } from './poll.entity';
import { assertPollVersion } from './polls.service';

interface BoardRow {
  user_id: string;
  full_name: string;
  unit_id: string | null;
  unit_code: string | null;
  appointed_by: string;
  appointed_at: Date;
}

/** The board's members with their names and units, in the caller's transaction. */
export async function boardOf(manager: EntityManager, pollId: string): Promise<BoardRow[]> {
  return (await manager.query(
    `SELECT b.user_id, us.full_name, b.unit_id, un.code AS unit_code, b.appointed_by, b.appointed_at
       FROM poll_counting_board_members b
       JOIN users us ON us.id = b.user_id
       LEFT JOIN units un ON un.id = b.unit_id
      WHERE b.poll_id = $1
      ORDER BY us.full_name, b.user_id`,
    [pollId],
  )) as BoardRow[];
}

/**
 * The counting board (ban kiểm phiếu) of a poll: appointed by the secretariat before counting,
 * at least two members, none of them a candidate's delegate. It may be replaced until the first
 * paper figure is entered or the poll is tallied; every appointment is in the ledger.
 */
@Injectable()
export class CountingBoardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async get(_actor: Actor, pollId: string): Promise<CountingBoardResponseDto> {
    const manager = this.dataSource.manager;
    const poll = await findPoll(manager, pollId);
    return this.describe(manager, poll);
  }

  async appoint(
    actor: Actor,
    pollId: string,
    dto: AppointCountingBoardDto,
    ifMatch?: IfMatch,
  ): Promise<CountingBoardResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const poll = await findPoll(manager, pollId, true);
      PollPolicy.assertMayManage(actor, (await meetingOf(manager, poll)).clusterId);
      assertPollVersion(poll, { expectedVersion: dto.expectedVersion, ifMatch });
      if (poll.status === 'certified') throw CountingException.certified();
      if (poll.status === 'tallied') throw CountingException.boardLocked('The poll is tallied: the board stays.');
      if (await manager.existsBy(PaperCountEntry, { pollId })) {
        throw CountingException.boardLocked('The board has started entering the paper count: it stays.');
      }
      const memberIds = [...new Set(dto.memberIds)];
      if (memberIds.length < 2) {
        throw new CountingException(CountingErrorCode.BoardTooSmall, 'Name at least two different people.');
      }
      const users = (await manager.query(
        `SELECT id, (SELECT m.unit_id FROM mandates m
                      WHERE m.user_id = u.id AND m.unit_id IS NOT NULL
                        AND m.valid_from <= now() AND (m.valid_to IS NULL OR m.valid_to > now())
                      ORDER BY m.valid_from DESC LIMIT 1) AS unit_id
           FROM users u WHERE u.id = ANY($1::uuid[]) AND u.is_active`,
        [memberIds],
      )) as { id: string; unit_id: string | null }[];
      const unknown = memberIds.filter((id) => !users.some((u) => u.id === id));
      if (unknown.length > 0) {
        throw new CountingException(
          CountingErrorCode.BoardMemberUnknown,
          `No active user with id ${unknown.join(', ')}.`,
          { unknown },
        );
      }
      CountingBoardPolicy.assertNoConflict(await CountingBoardPolicy.conflicts(manager, poll, memberIds));

      const previous = (await boardOf(manager, pollId)).map((m) => m.user_id);
      await manager.delete(CountingBoardMember, { pollId });
      await manager.insert(
        CountingBoardMember,
        users.map((u) => ({ pollId, userId: u.id, unitId: u.unit_id, appointedBy: actor.userId })),
      );
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'elections.counting_board_appointed',
        subjectType: POLL_SUBJECT,
        subjectId: pollId,
        payload: { members: [...memberIds].sort(), previous: previous.sort() },
      });
      return this.describe(manager, poll);
    });
  }

  private async describe(manager: EntityManager, poll: Poll): Promise<CountingBoardResponseDto> {
    const members = await boardOf(manager, poll.id);
    const entered = await manager.existsBy(PaperCountEntry, { pollId: poll.id });
    return {
      pollId: poll.id,
      members: members.map((m) => ({
        userId: m.user_id,
        fullName: m.full_name,
        unitId: m.unit_id,
        unitCode: m.unit_code,
        appointedBy: m.appointed_by,
        appointedAt: new Date(m.appointed_at).toISOString(),
      })),
      locked: entered || poll.status === 'tallied' || poll.status === 'certified',
    };
  }
}
