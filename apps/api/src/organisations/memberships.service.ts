import { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type {
  JoinRequestInput,
  Membership as MembershipDto,
  MembershipList,
  MembershipListQuery,
} from '@pathways/contracts';
import { Membership } from '@pathways/persistence';
import { accessibleFilter } from '@pathways/permissions';
import type { Caller, SignedInCaller } from '../access/caller';
import { AuditService } from '../audit/audit.service';
import { conflict, forbidden, notFound } from '../common/domain-error';
import { flushUnique } from '../common/flush';
import { toMembershipDto } from './organisation.mapper';
import { membershipSubject, organisationSubject } from './organisation.subject';
import { OrganisationsService } from './organisations.service';

const alreadyMember = 'You already belong to this organisation or have asked to join it.';

@Injectable()
export class MembershipsService {
  constructor(
    private readonly em: EntityManager,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  /** Members the caller may see: focal points see requests too, colleagues see active members. */
  async list(organisationId: string, query: MembershipListQuery, caller: Caller): Promise<MembershipList> {
    await this.organisations.readable(organisationId, caller);
    const page = { page: query.page, pageSize: query.pageSize };
    const allowed = accessibleFilter(caller.ability, 'read', 'Membership');
    if (!allowed) return { items: [], total: 0, ...page };
    const where: FilterQuery<Membership>[] = [
      allowed as FilterQuery<Membership>,
      { organisation: organisationId },
    ];
    if (query.status) where.push({ status: query.status });
    const [rows, total] = await this.em.findAndCount(
      Membership,
      { $and: where },
      {
        populate: ['user', 'organisation'],
        orderBy: [{ status: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      },
    );
    return { items: rows.map((m) => toMembershipDto(m, caller.ability)), total, ...page };
  }

  async requestToJoin(
    organisationId: string,
    input: JoinRequestInput,
    caller: SignedInCaller,
  ): Promise<MembershipDto> {
    const org = await this.organisations.readable(organisationId, caller);
    if (!caller.ability.can('join', organisationSubject(org))) {
      throw forbidden('Only verified organisations accept requests to join.');
    }
    const existing = await this.em.findOne(Membership, { user: caller.user, organisation: org });
    if (existing && existing.status !== 'declined') throw conflict('DUPLICATE', alreadyMember);
    // A declined request may be made again; it keeps one row per person and organisation.
    const membership =
      existing ??
      this.em.create(Membership, { user: caller.user, organisation: org, role: 'member', status: 'pending' });
    this.em.assign(membership, {
      status: 'pending',
      message: input.message,
      decidedAt: null,
      decidedBy: null,
    });
    this.audit.record(
      caller,
      'membership.requested',
      { type: 'Membership', id: membership.id },
      { organisationId },
    );
    await flushUnique(this.em, alreadyMember);
    await this.em.populate(membership, ['user', 'organisation']);
    return toMembershipDto(membership, caller.ability);
  }

  async decide(
    membershipId: string,
    decision: 'approve' | 'decline',
    caller: SignedInCaller,
  ): Promise<MembershipDto> {
    const membership = await this.em.findOne(
      Membership,
      { id: membershipId },
      { populate: ['user', 'organisation'] },
    );
    const subject = membership && membershipSubject(membership);
    if (!membership || !subject || !caller.ability.can('read', subject)) throw notFound('membership');
    if (!caller.ability.can(decision, subject))
      throw forbidden('Only the organisation’s focal points decide on requests.');
    if (membership.status !== 'pending') {
      throw conflict(
        'INVALID_STATE',
        `This request was already ${membership.status === 'active' ? 'approved' : 'declined'}.`,
      );
    }
    this.em.assign(membership, {
      status: decision === 'approve' ? 'active' : 'declined',
      decidedBy: caller.user,
      decidedAt: new Date(),
    });
    this.audit.record(caller, `membership.${decision === 'approve' ? 'approved' : 'declined'}`, {
      type: 'Membership',
      id: membership.id,
    });
    await this.em.flush();
    return toMembershipDto(membership, caller.ability);
  }
}
