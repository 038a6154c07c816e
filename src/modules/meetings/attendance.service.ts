import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { databaseNow } from '../../common/clock/database-clock';
import type { PageQueryDto } from '../../common/pagination/page-query.dto';
import { findPage, type Page, type SortSpec } from '../../common/pagination/pagination';
import { LedgerService } from '../ledger';
import { holdsSeatNow } from '../mandates';
import { unitRefs } from '../registry';
import {
  toAttendanceResponse,
  type AttendanceResponseDto,
  type CheckInDto,
  type CheckOutDto,
} from './dto/attendance.dto';
import { MeetingAttendance } from './meeting-attendance.entity';
import { ATTENDANCE_SUBJECT, releaseLapsedSeats } from './lapsed-seats';
import { meetingPresence } from './meeting-presence';
import { MeetingPolicy, SITTING_ROLES } from './meeting.policy';
import { assertMeetingNotClosed, findMeeting } from './meetings.service';
import { MeetingsErrorCode, MeetingsException } from './meetings.exception';

const ATTENDANCE_SORT: SortSpec = {
  fields: { checkedInAt: 'checkedInAt', checkedOutAt: 'checkedOutAt' },
  default: 'checkedInAt',
};

/**
 * The attendance register (sổ điểm danh): a delegate signs in for their unit, or the secretariat
 * records them; withdrawal is a check-out. Rows are never deleted, so the register shows every
 * arrival and departure with its time and who wrote it. Polls freeze their roll from it.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async checkIn(actor: Actor, meetingId: string, dto: CheckInDto): Promise<AttendanceResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      // The meeting row lock orders check-ins and a poll's roll freeze (which locks it too).
      const meeting = await findMeeting(manager, meetingId, true);
      assertMeetingNotClosed(meeting);
      // A seat held by a mandate that has ended is free again: the unit's real delegate takes it.
      await releaseLapsedSeats(manager, this.ledger, meetingId, actor.userId);
      const presence = await meetingPresence(manager, meeting);
      const manages = MeetingPolicy.mayManage(actor, meeting.clusterId);
      const delegateId = dto.delegateId ?? actor.userId;
      if (delegateId !== actor.userId && !manages) {
        throw new MeetingsException(
          MeetingsErrorCode.CheckInForbidden,
          'Only the secretariat records someone else in the register; check in yourself instead.',
        );
      }
      const unitId = this.resolveUnit(actor, presence.memberUnitIds, dto.unitId, delegateId === actor.userId);
      if (!presence.memberUnitIds.includes(unitId)) {
        throw new MeetingsException(
          MeetingsErrorCode.UnitNotMember,
          "Only the cluster's current member units sit at its meeting.",
          { unitId },
        );
      }
      if (!manages && !MeetingPolicy.maySitFor(actor, unitId)) {
        throw new MeetingsException(
          MeetingsErrorCode.CheckInForbidden,
          "You hold no delegate or head mandate of this unit; ask the secretariat to record the unit's delegate.",
          { unitId },
        );
      }
      if (!(await this.sitsFor(manager, delegateId, unitId))) {
        throw new MeetingsException(
          MeetingsErrorCode.DelegateNotOfUnit,
          'The person must hold a delegate or head mandate of the unit today.',
          { unitId, delegateId },
        );
      }
      if (presence.present.some((p) => p.unitId === unitId)) throw MeetingsException.unitAlreadyPresent();
      if (presence.present.some((p) => p.delegateId === delegateId)) throw MeetingsException.delegateAlreadyPresent();
      const row = await manager.save(
        manager.create(MeetingAttendance, {
          meetingId,
          unitId,
          delegateId,
          checkedInBy: actor.userId,
          note: dto.note ?? null,
        }),
      );
      const stored = await manager.findOneByOrFail(MeetingAttendance, { id: row.id });
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'meetings.attendance_checked_in',
        subjectType: ATTENDANCE_SUBJECT,
        subjectId: stored.id,
        payload: { meetingId, unitId, delegateId, checkedInAt: stored.checkedInAt.toISOString() },
      });
      return toAttendanceResponse(stored, await this.unitCode(manager, unitId));
    });
  }

  async checkOut(actor: Actor, meetingId: string, dto: CheckOutDto): Promise<AttendanceResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const meeting = await findMeeting(manager, meetingId, true);
      assertMeetingNotClosed(meeting);
      const presence = await meetingPresence(manager, meeting);
      const manages = MeetingPolicy.mayManage(actor, meeting.clusterId);
      const unitId =
        dto.unitId ??
        presence.present.find((p) => p.delegateId === actor.userId)?.unitId ??
        this.resolveUnit(actor, presence.memberUnitIds, undefined, true);
      const row = await manager.findOne(MeetingAttendance, {
        where: { meetingId, unitId, checkedOutAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) {
        throw new MeetingsException(MeetingsErrorCode.NotPresent, 'The unit is not in the register now.', { unitId });
      }
      if (!manages && row.delegateId !== actor.userId) {
        throw new MeetingsException(
          MeetingsErrorCode.CheckInForbidden,
          'Only the person who sits for the unit, or the secretariat, checks them out.',
        );
      }
      const now = await databaseNow(manager);
      row.checkedOutAt = now;
      row.checkedOutBy = actor.userId;
      if (dto.note) row.note = row.note ? `${row.note}\n${dto.note}` : dto.note;
      await manager.save(row);
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'meetings.attendance_checked_out',
        subjectType: ATTENDANCE_SUBJECT,
        subjectId: row.id,
        payload: {
          meetingId,
          unitId,
          delegateId: row.delegateId,
          checkedOutAt: now.toISOString(),
          note: dto.note ?? null,
        },
      });
      return toAttendanceResponse(row, await this.unitCode(manager, unitId));
    });
  }

  /** Every arrival and departure, in order. */
  async register(_actor: Actor, meetingId: string, query: PageQueryDto): Promise<Page<AttendanceResponseDto>> {
    const manager = this.dataSource.manager;
    await findMeeting(manager, meetingId);
    const qb = manager
      .getRepository(MeetingAttendance)
      .createQueryBuilder('attendance')
      .where('attendance.meetingId = :meetingId', { meetingId });
    const page = await findPage(qb, query, ATTENDANCE_SORT, (row) => row);
    const units = await unitRefs(
      manager,
      page.items.map((row) => row.unitId),
    );
    return { ...page, items: page.items.map((row) => toAttendanceResponse(row, units.get(row.unitId)!.code)) };
  }

  /** The unit asked for, or the one unit a person sitting for themselves holds a mandate of. */
  private resolveUnit(actor: Actor, memberUnitIds: string[], unitId: string | undefined, self: boolean): string {
    if (unitId) return unitId;
    const own = self ? MeetingPolicy.sittingUnits(actor, memberUnitIds) : [];
    if (own.length !== 1) {
      throw new MeetingsException(
        MeetingsErrorCode.UnitAmbiguous,
        own.length === 0 ? 'Name the unit (unitId).' : 'You may sit for several units: name one (unitId).',
      );
    }
    return own[0];
  }

  private async sitsFor(manager: EntityManager, userId: string, unitId: string): Promise<boolean> {
    return holdsSeatNow(manager, { userId, unitId }, SITTING_ROLES);
  }

  private async unitCode(manager: EntityManager, unitId: string): Promise<string> {
    return (await unitRefs(manager, [unitId])).get(unitId)!.code;
  }
}
