import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { LedgerService } from '../ledger';
import {
  toFlagIncidentResponse,
  type FlagIncidentResponseDto,
  type ReportIncidentDto,
  type ResolveIncidentDto,
} from './dto/flag-incidents.dto';
import { lockFlag, openPeriod } from './flag-custody';
import { FlagIncident } from './flag-incident.entity';
import { FlagPolicy } from './flag.policy';
import { FlagsErrorCode, FlagsException } from './flags.exception';

export const INCIDENT_SUBJECT_TYPE = 'flag_incident';

/**
 * Incidents (lost, damaged, replaced): reported by the head of the unit holding the flag, attached
 * to that custody period, resolved by the secretariat. They never move custody: the custodian
 * still answers for the flag, and the chain shows what happened while it held it.
 */
@Injectable()
export class FlagIncidentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  async report(actor: Actor, flagId: string, dto: ReportIncidentDto): Promise<FlagIncidentResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const flag = await lockFlag(manager, flagId);
      const current = await openPeriod(manager, flag.id);
      if (current.state !== 'held') {
        throw new FlagsException(
          FlagsErrorCode.FlagNotHeld,
          'The flag is in transit: its custodian reports incidents once the handover is completed or cancelled.',
        );
      }
      FlagPolicy.assertMayReportIncident(actor, current.custodianUnitId!);
      const incident = await manager.save(
        manager.create(FlagIncident, {
          flagId,
          custodyPeriodId: current.id,
          kind: dto.kind,
          description: dto.description,
          occurredOn: dto.occurredOn ?? null,
          reportingUnitId: current.custodianUnitId!,
          reportedBy: actor.userId,
          status: 'open',
          resolution: null,
          resolvedBy: null,
          resolvedAt: null,
        }),
      );
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'flags.incident_reported',
        subjectType: INCIDENT_SUBJECT_TYPE,
        subjectId: incident.id,
        payload: {
          flagId,
          custodyPeriodId: current.id,
          unitId: incident.reportingUnitId,
          kind: incident.kind,
          description: incident.description,
          occurredOn: incident.occurredOn,
        },
      });
      return toFlagIncidentResponse(incident);
    });
  }

  async resolve(actor: Actor, id: string, dto: ResolveIncidentDto): Promise<FlagIncidentResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(FlagIncident, { where: { id } });
      if (!found) throw new FlagsException(FlagsErrorCode.IncidentNotFound, `There is no flag incident with id ${id}.`);
      const flag = await lockFlag(manager, found.flagId);
      FlagPolicy.assertMayManage(actor, flag.clusterId);
      const incident = await manager.findOneOrFail(FlagIncident, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (incident.status === 'resolved') {
        throw new FlagsException(
          FlagsErrorCode.IncidentAlreadyResolved,
          'A resolved incident stays as it was resolved; report a new incident if something else happened.',
        );
      }
      const [row] = (await manager.query(`SELECT date_trunc('milliseconds', now()) AS now`)) as { now: Date }[];
      Object.assign(incident, {
        status: 'resolved',
        resolution: dto.resolution,
        resolvedBy: actor.userId,
        resolvedAt: new Date(row.now),
      });
      await manager.save(incident);
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'flags.incident_resolved',
        subjectType: INCIDENT_SUBJECT_TYPE,
        subjectId: incident.id,
        payload: { flagId: flag.id, custodyPeriodId: incident.custodyPeriodId, resolution: incident.resolution },
      });
      return toFlagIncidentResponse(incident);
    });
  }
}
