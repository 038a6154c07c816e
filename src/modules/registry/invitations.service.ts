import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor';
import { findPage, type Page } from '../../common/pagination/pagination';
import { LedgerService } from '../ledger';
import { ClusterInvitation, type InvitationStatus } from './cluster-invitation.entity';
import { Cluster } from './cluster.entity';
import {
  INVITATION_SORT,
  toInvitationResponse,
  type CreateInvitationDto,
  type InvitationResponseDto,
  type ListInvitationsQueryDto,
} from './dto/invitations.dto';
import { MembershipsService } from './memberships.service';
import { RegistryErrorCode, RegistryException } from './registry.exception';
import { RegistryPolicy } from './registry.policy';
import { Unit } from './unit.entity';

/**
 * Joining a cluster by consent (decision 019): the secretariat invites, the unit's head accepts
 * or declines, the secretariat may withdraw while it is pending. Accepting starts the membership
 * in the same transaction.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    private readonly memberships: MembershipsService,
  ) {}

  async listForCluster(
    _actor: Actor,
    clusterId: string,
    query: ListInvitationsQueryDto,
  ): Promise<Page<InvitationResponseDto>> {
    if (!(await this.dataSource.getRepository(Cluster).existsBy({ id: clusterId })))
      throw RegistryException.clusterNotFound(clusterId);
    return this.page({ clusterId }, query);
  }

  async listForUnit(
    _actor: Actor,
    unitId: string,
    query: ListInvitationsQueryDto,
  ): Promise<Page<InvitationResponseDto>> {
    if (!(await this.dataSource.getRepository(Unit).existsBy({ id: unitId })))
      throw RegistryException.unitNotFound(unitId);
    return this.page({ unitId }, query);
  }

  async invite(actor: Actor, clusterId: string, dto: CreateInvitationDto): Promise<InvitationResponseDto> {
    RegistryPolicy.assertMayInvite(actor, clusterId);
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Cluster, { id: clusterId }))) throw RegistryException.clusterNotFound(clusterId);
      const unit = await manager.findOne(Unit, { where: { id: dto.unitId }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw RegistryException.unitNotFound(dto.unitId);
      const pending = await manager.findOneBy(ClusterInvitation, { clusterId, unitId: unit.id, status: 'pending' });
      if (pending) {
        throw new RegistryException(
          RegistryErrorCode.InvitationAlreadyPending,
          `${unit.name} already has a pending invitation to this cluster.`,
          { invitationId: pending.id },
        );
      }
      const invitation = await manager.save(
        manager.create(ClusterInvitation, {
          clusterId,
          unitId: unit.id,
          joinedOn: dto.joinedOn,
          note: dto.note ?? null,
          status: 'pending',
          invitedBy: actor.userId,
          answeredBy: null,
          answeredAt: null,
          membershipId: null,
        }),
      );
      invitation.unit = unit;
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: 'registry.invitation_sent',
        subjectType: 'cluster_invitation',
        subjectId: invitation.id,
        payload: { clusterId, unitId: unit.id, joinedOn: invitation.joinedOn, note: invitation.note },
      });
      return toInvitationResponse(invitation);
    });
  }

  /** The unit's head accepts: the membership starts on the invitation's `joinedOn`. */
  async accept(actor: Actor, id: string): Promise<InvitationResponseDto> {
    return this.answer(actor, id, 'accepted', async (manager, invitation) => {
      const membership = await this.memberships.admit(
        manager,
        actor,
        invitation.clusterId,
        invitation.unitId,
        invitation.joinedOn,
        invitation.id,
      );
      return membership.id;
    });
  }

  async decline(actor: Actor, id: string): Promise<InvitationResponseDto> {
    return this.answer(actor, id, 'declined');
  }

  async withdraw(actor: Actor, id: string): Promise<InvitationResponseDto> {
    return this.answer(actor, id, 'withdrawn');
  }

  private async answer(
    actor: Actor,
    id: string,
    status: Exclude<InvitationStatus, 'pending'>,
    onAccept?: (manager: EntityManager, invitation: ClusterInvitation) => Promise<string>,
  ): Promise<InvitationResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager.findOne(ClusterInvitation, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation) {
        throw new RegistryException(RegistryErrorCode.InvitationNotFound, `There is no invitation with id ${id}.`);
      }
      if (status === 'withdrawn') RegistryPolicy.assertMayInvite(actor, invitation.clusterId);
      else RegistryPolicy.assertMayAnswerInvitation(actor, invitation.unitId);
      if (invitation.status !== 'pending') {
        throw new RegistryException(
          RegistryErrorCode.InvitationNotPending,
          `This invitation was ${invitation.status} already.`,
          { status: invitation.status },
        );
      }
      const membershipId = onAccept ? await onAccept(manager, invitation) : null;
      const answeredAt = new Date();
      await manager.update(ClusterInvitation, { id }, { status, answeredBy: actor.userId, answeredAt, membershipId });
      Object.assign(invitation, { status, answeredBy: actor.userId, answeredAt, membershipId });
      invitation.unit = await manager.findOneByOrFail(Unit, { id: invitation.unitId });
      await this.ledger.append(manager, {
        actorId: actor.userId,
        action: `registry.invitation_${status}`,
        subjectType: 'cluster_invitation',
        subjectId: id,
        payload: {
          clusterId: invitation.clusterId,
          unitId: invitation.unitId,
          joinedOn: invitation.joinedOn,
          membershipId,
        },
      });
      return toInvitationResponse(invitation);
    });
  }

  private page(
    where: { clusterId?: string; unitId?: string },
    query: ListInvitationsQueryDto,
  ): Promise<Page<InvitationResponseDto>> {
    const qb = this.dataSource
      .getRepository(ClusterInvitation)
      .createQueryBuilder('invitation')
      .innerJoinAndSelect('invitation.unit', 'unit');
    if (where.clusterId) qb.andWhere('invitation.clusterId = :clusterId', { clusterId: where.clusterId });
    if (where.unitId) qb.andWhere('invitation.unitId = :unitId', { unitId: where.unitId });
    if (query.status) qb.andWhere('invitation.status = :status', { status: query.status });
    return findPage(qb, query, INVITATION_SORT, toInvitationResponse);
  }
}
