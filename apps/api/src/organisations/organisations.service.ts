import { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type {
  CreateOrganisationInput,
  Organisation as OrganisationDto,
  OrganisationListQuery,
  OrganisationPage,
  RejectOrganisationInput,
  UpdateOrganisationInput,
} from '@pathways/contracts';
import { Membership, Organisation } from '@pathways/persistence';
import { accessibleFilter } from '@pathways/permissions';
import type { Caller, SignedInCaller } from '../access/caller';
import { AuditService } from '../audit/audit.service';
import { conflict, DomainError, forbidden, notFound, staleVersion } from '../common/domain-error';
import { flushUnique } from '../common/flush';
import { likePattern } from '../common/ids';
import { toOrganisationDto } from './organisation.mapper';
import { organisationSubject } from './organisation.subject';

const duplicateName = 'An organisation with this name is already registered for this country.';

@Injectable()
export class OrganisationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async list(query: OrganisationListQuery, caller: Caller): Promise<OrganisationPage> {
    const allowed = accessibleFilter(caller.ability, 'read', 'Organisation');
    const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    if (!allowed) return empty;
    const where: FilterQuery<Organisation>[] = [allowed as FilterQuery<Organisation>];
    if (query.status) where.push({ status: query.status });
    if (query.kind) where.push({ kind: query.kind });
    if (query.country) where.push({ country: query.country });
    if (query.q) where.push({ name: { $ilike: likePattern(query.q) } });
    if (query.mine) {
      if (!caller.actor) return empty;
      where.push({
        id: {
          $in: caller.actor.memberships.filter((m) => m.status !== 'declined').map((m) => m.organisationId),
        },
      });
    }
    // Pending organisations wait in a queue: oldest first. Everything else reads best alphabetically.
    const orderBy = query.status === 'pending' ? { createdAt: 'asc' as const } : { name: 'asc' as const };
    const [rows, total] = await this.em.findAndCount(
      Organisation,
      { $and: where },
      { orderBy: [orderBy, { id: 'asc' }], limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    return { items: rows.map(toOrganisationDto), total, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string, caller: Caller): Promise<OrganisationDto> {
    return toOrganisationDto(await this.readable(id, caller));
  }

  /** The creator becomes the focal point; the organisation waits for an admin to verify it. */
  async create(input: CreateOrganisationInput, caller: SignedInCaller): Promise<OrganisationDto> {
    const org = this.em.create(Organisation, { ...input, createdBy: caller.user });
    this.em.create(Membership, {
      user: caller.user,
      organisation: org,
      role: 'focal_point',
      status: 'active',
      decidedAt: new Date(),
    });
    this.audit.record(caller, 'organisation.created', { type: 'Organisation', id: org.id }, { ...input });
    await flushUnique(this.em, duplicateName);
    return toOrganisationDto(org);
  }

  async update(id: string, input: UpdateOrganisationInput, caller: SignedInCaller): Promise<OrganisationDto> {
    const org = await this.readable(id, caller);
    const subject = organisationSubject(org);
    if (!caller.ability.can('update', subject)) throw forbidden('You cannot edit this organisation.');
    const { version, ...changes } = input;
    const fields = Object.keys(changes) as (keyof typeof changes)[];
    const frozen = fields.filter((field) => !caller.ability.can('update', subject, field));
    if (frozen.length) {
      const issues = frozen.map((path) => ({
        path,
        message: 'This field cannot be changed once the organisation is verified.',
      }));
      throw new DomainError(403, 'FORBIDDEN', `You cannot change: ${frozen.join(', ')}.`, issues);
    }
    if (org.version !== version) throw staleVersion('organisation');
    this.em.assign(org, changes);
    this.audit.record(caller, 'organisation.updated', { type: 'Organisation', id: org.id }, { ...changes });
    await flushUnique(this.em, duplicateName);
    return toOrganisationDto(org);
  }

  async verify(id: string, version: number, caller: SignedInCaller): Promise<OrganisationDto> {
    const org = await this.decidable(id, 'verify', version, caller, ['pending', 'rejected']);
    this.em.assign(org, {
      status: 'verified',
      verifiedAt: new Date(),
      decidedBy: caller.user,
      rejectionReason: null,
    });
    this.audit.record(caller, 'organisation.verified', { type: 'Organisation', id: org.id });
    await this.em.flush();
    return toOrganisationDto(org);
  }

  async reject(id: string, input: RejectOrganisationInput, caller: SignedInCaller): Promise<OrganisationDto> {
    const org = await this.decidable(id, 'reject', input.version, caller, ['pending']);
    this.em.assign(org, { status: 'rejected', rejectionReason: input.reason, decidedBy: caller.user });
    this.audit.record(
      caller,
      'organisation.rejected',
      { type: 'Organisation', id: org.id },
      { reason: input.reason },
    );
    await this.em.flush();
    return toOrganisationDto(org);
  }

  /** Loads an organisation the caller may see; anything else is "not found", never "forbidden". */
  async readable(id: string, caller: Caller): Promise<Organisation> {
    const org = await this.em.findOne(Organisation, { id });
    if (!org || !caller.ability.can('read', organisationSubject(org))) throw notFound('organisation');
    return org;
  }

  private async decidable(
    id: string,
    action: 'verify' | 'reject',
    version: number,
    caller: SignedInCaller,
    from: Organisation['status'][],
  ): Promise<Organisation> {
    const org = await this.readable(id, caller);
    if (!caller.ability.can(action, organisationSubject(org))) throw forbidden();
    if (org.version !== version) throw staleVersion('organisation');
    if (!from.includes(org.status)) {
      throw conflict(
        'INVALID_STATE',
        `This organisation is ${org.status}; only ${from.join(' or ')} ones can be ${action === 'verify' ? 'verified' : 'rejected'}.`,
      );
    }
    return org;
  }
}
