import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { assertVersion, type IfMatch } from '../../common/versioning/version-precondition';
import type { PageQueryDto } from '../../common/pagination/page-query.dto';
import { findPage, type Page, type SortSpec } from '../../common/pagination/pagination';
import { cycleOrThrow, CyclesErrorCode, CyclesException, findCycle } from '../cycles';
import { LedgerService } from '../ledger';
import {
  toMeetingResponse,
  type CreateMeetingDto,
  type MeetingQuorumResponseDto,
  type MeetingResponseDto,
  type QuorumRuleDto,
  type UpdateMeetingDto,
} from './dto/meetings.dto';
import { MEETING_STATUSES, Meeting } from './meeting.entity';
import { meetingPresence, pinnedRules, reachesShare } from './meeting-presence';
import { MeetingPolicy } from './meeting.policy';
import { MeetingsErrorCode, MeetingsException } from './meetings.exception';

/** The cluster meeting of a cycle (hội nghị): its details, agenda, and the quorum shown live. */
const MEETING_SORT: SortSpec = {
  fields: { heldOn: 'heldOn', createdAt: 'createdAt' },
  default: 'heldOn,createdAt',
};

const MEETING_SUBJECT = 'meeting';

function quorumRule(present: number, members: number, share: number): QuorumRuleDto {
  return {
    required: share,
    requiredUnits: Math.max(0, Math.ceil(share * members - 1e-9)),
    met: reachesShare(present, members, share),
  };
}

/** Finds a meeting (optionally locking it for an update of it or of its register). */
export async function findMeeting(manager: EntityManager, id: string, lock = false): Promise<Meeting> {
  const meeting = await manager.findOne(Meeting, {
    where: { id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!meeting) throw MeetingsException.meetingNotFound(id);
  return meeting;
}

export function assertMeetingNotClosed(meeting: Meeting): void {
  if (meeting.status === 'closed') {
    throw new MeetingsException(MeetingsErrorCode.MeetingClosed, 'The meeting is closed; its record is final.', {
      meetingId: meeting.id,
    });
  }
}

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async create(actor: Actor, cycleId: string, dto: CreateMeetingDto): Promise<MeetingResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const cycle = await cycleOrThrow(manager, cycleId, 'share');
      MeetingPolicy.assertMayManage(actor, cycle.clusterId);
      if (cycle.phase === 'closed') {
        throw new CyclesException(CyclesErrorCode.CycleClosed, `The ${cycle.year} cycle is closed.`, { cycleId });
      }
      const meeting = await manager.save(
        manager.create(Meeting, {
          clusterId: cycle.clusterId,
          cycleId,
          title: dto.title,
          heldOn: dto.heldOn,
          place: dto.place,
          agenda: dto.agenda ?? [],
          createdBy: actor.userId,
        }),
      );
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'meetings.meeting_created',
        subjectType: MEETING_SUBJECT,
        subjectId: meeting.id,
        payload: {
          cycleId,
          title: meeting.title,
          heldOn: meeting.heldOn,
          place: meeting.place,
          agenda: meeting.agenda,
        },
      });
      return toMeetingResponse(await findMeeting(manager, meeting.id));
    });
  }

  async update(actor: Actor, id: string, dto: UpdateMeetingDto, ifMatch?: IfMatch): Promise<MeetingResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await findMeeting(manager, id, true);
      MeetingPolicy.assertMayManage(actor, meeting.clusterId);
      assertMeetingNotClosed(meeting);
      assertVersion('meeting', meeting.version, { expectedVersion: dto.expectedVersion, ifMatch });
      if (dto.status && MEETING_STATUSES.indexOf(dto.status) < MEETING_STATUSES.indexOf(meeting.status)) {
        throw new MeetingsException(
          MeetingsErrorCode.StatusBackwards,
          `The meeting is ${meeting.status}; it cannot go back to ${dto.status}.`,
        );
      }
      const fields = ['title', 'heldOn', 'place', 'agenda', 'status'] as const;
      const changed = fields.filter(
        (field) => dto[field] !== undefined && JSON.stringify(dto[field]) !== JSON.stringify(meeting[field]),
      );
      if (changed.length > 0) {
        Object.assign(meeting, Object.fromEntries(changed.map((field) => [field, dto[field]])));
        await manager.save(meeting);
        await this.ledger.append(manager, {
          actorId: actor.userId,
          action: 'meetings.meeting_updated',
          subjectType: MEETING_SUBJECT,
          subjectId: meeting.id,
          payload: { changed, ...Object.fromEntries(changed.map((field) => [field, meeting[field]])) },
        });
      }
      return toMeetingResponse(await findMeeting(manager, id));
    });
  }

  async get(_actor: Actor, id: string): Promise<MeetingResponseDto> {
    return toMeetingResponse(await findMeeting(this.dataSource.manager, id));
  }

  async list(_actor: Actor, cycleId: string, query: PageQueryDto): Promise<Page<MeetingResponseDto>> {
    const manager = this.dataSource.manager;
    if (!(await findCycle(manager, cycleId))) throw CyclesException.cycleNotFound(cycleId);
    const qb = manager
      .getRepository(Meeting)
      .createQueryBuilder('meeting')
      .where('meeting.cycleId = :cycleId', { cycleId });
    return findPage(qb, query, MEETING_SORT, toMeetingResponse);
  }

  /** Present member units over members, against both quorums of the pinned rules, as of now. */
  async quorum(_actor: Actor, id: string): Promise<MeetingQuorumResponseDto> {
    const manager = this.dataSource.manager;
    const meeting = await findMeeting(manager, id);
    const rules = await pinnedRules(manager, meeting.cycleId);
    const presence = await meetingPresence(manager, meeting);
    const members = presence.memberUnitIds.length;
    const present = presence.present.length;
    return {
      meetingId: meeting.id,
      rulesVersionId: rules.rulesVersionId,
      members,
      present,
      presentShare: members === 0 ? 0 : Math.round((present / members) * 10000) / 10000,
      quorum: quorumRule(present, members, rules.content.voting.quorum),
      awardQuorum: quorumRule(present, members, rules.content.voting.awardQuorum),
      presentUnits: presence.present,
    };
  }
}
