import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type {
  AvailableTransitions,
  CreatePilotInput,
  FirePilotTransitionInput,
  Pilot as PilotDto,
  PilotListQuery,
  PilotPage,
  UpdatePilotInput,
  WorkflowEventList,
} from '@pathways/contracts';
import { Organisation, Pilot, PilotPartner, WorkflowEvent } from '@pathways/persistence';
import type { Action } from '@pathways/permissions';
import { available, pilotWorkflow, type PilotTransition } from '@pathways/workflow';
import type { Caller, SignedInCaller } from '../access/caller';
import { AuditService } from '../audit/audit.service';
import { forbidden, notFound, staleVersion, unauthenticated } from '../common/domain-error';
import { flushUnique } from '../common/flush';
import { organisationSubject } from '../organisations/organisation.subject';
import { practiceSlug } from '../practices/practice.slug';
import { WorkflowEventsService } from '../workflow/workflow-events.service';
import { WorkflowRunner } from '../workflow/workflow.runner';
import {
  assertPilotEditable,
  type LoadedPilot,
  loadPilot,
  partnersOf,
  pilotIdsWithPartners,
  readablePilot,
  readablePilotsFilter,
} from './pilot.access';
import { pilotContext } from './pilot.context';
import { toPilotDto } from './pilot.mapper';
import { pilotPartnerSubject, pilotSubject } from './pilot.subject';
import { pilotEntityType, recordPilotChange } from './pilot-changes';
import { pilotPartnerEntityType } from './pilot-partners.service';
import { pilotTimeline } from './pilot-timeline';

export { pilotEntityType };
const closeReasonMessage = 'Give the reason for closing the pilot; it is shown publicly with it.';

@Injectable()
export class PilotsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly runner: WorkflowRunner,
    private readonly events: WorkflowEventsService,
  ) {}

  /** What the caller may read: active-or-later pilots for everyone, their own and invited ones, all for editors. */
  async list(query: PilotListQuery, caller: Caller): Promise<PilotPage> {
    const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    const allowed = await readablePilotsFilter(this.em, caller.ability);
    if (!allowed) return empty;
    const where: FilterQuery<Pilot>[] = [allowed];
    if (query.status) where.push({ status: query.status });
    if (query.mine) {
      if (!caller.actor) return empty;
      const mine = caller.actor.memberships.filter((m) => m.status === 'active').map((m) => m.organisationId);
      where.push({
        $or: [
          { leadOrganisation: { $in: mine } },
          { id: { $in: await pilotIdsWithPartners(this.em, mine) } },
        ],
      });
    }
    const [rows, total] = await this.em.findAndCount(
      Pilot,
      { $and: where },
      {
        populate: ['leadOrganisation'],
        orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      },
    );
    const partners = await partnersOf(
      this.em,
      rows.map((p) => p.id),
    );
    return {
      items: rows.map((p) => toPilotDto(p, partners.get(p.id) ?? [], caller)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: string, caller: Caller): Promise<PilotDto> {
    const { pilot, partners } = await readablePilot(this.em, id, caller);
    return toPilotDto(pilot, partners, caller);
  }

  /** A new draft led by an organisation the caller is a focal point of; the lead is its first partner. */
  async create(input: CreatePilotInput, caller: SignedInCaller): Promise<PilotDto> {
    const lead = await this.em.findOne(Organisation, { id: input.organisationId });
    if (!lead || !caller.ability.can('read', organisationSubject(lead))) throw notFound('organisation');
    const pilot = this.em.create(Pilot, {
      slug: practiceSlug(input.content.title).replace(/^practice-/, 'pilot-'),
      leadOrganisation: lead,
      content: input.content,
      createdBy: caller.user,
    });
    if (!caller.ability.can('create', pilotSubject(pilot, []))) {
      this.em.remove(pilot);
      throw forbidden('Only focal points of a verified organisation propose pilots for it.');
    }
    const now = new Date();
    const leadPartner = this.em.create(PilotPartner, {
      pilot,
      organisation: lead,
      role: 'lead',
      status: 'accepted',
      invitedBy: caller.user,
      invitedAt: now,
      respondedBy: caller.user,
      respondedAt: now,
    });
    this.audit.record(caller, 'pilot.created', { type: pilotEntityType, id: pilot.id });
    await flushUnique(this.em, 'A pilot with this address already exists; try again.');
    return toPilotDto(pilot, [leadPartner], caller);
  }

  /** Replaces the proposal while the lead holds it (draft, proposed, forming). */
  async update(id: string, input: UpdatePilotInput, caller: SignedInCaller): Promise<PilotDto> {
    const loaded = await readablePilot(this.em, id, caller);
    const { pilot, partners } = loaded;
    if (!caller.ability.can('update', pilotSubject(pilot, partners)))
      throw forbidden("Only the lead organisation's focal points edit this pilot.");
    if (pilot.version !== input.version) throw staleVersion('pilot');
    assertPilotEditable(loaded, caller);
    pilot.content = input.content;
    // The version column makes the UPDATE conditional: a concurrent save answers 409, and its
    // event goes with it.
    await this.em.transactional((em) => recordPilotChange(em, pilot.id, 'edit', caller.user.id));
    return toPilotDto(pilot, partners, caller);
  }

  async transitions(id: string, caller: Caller): Promise<AvailableTransitions> {
    const loaded = await readablePilot(this.em, id, caller);
    const items = available(
      pilotWorkflow,
      loaded.pilot.status,
      pilotContext(loaded.pilot, loaded.partners),
      this.permit(loaded, caller),
    );
    return { items };
  }

  async fire(
    id: string,
    transition: string,
    input: FirePilotTransitionInput,
    caller: Caller,
  ): Promise<PilotDto> {
    // The route is open to whoever may read the pilot, which includes the public.
    if (!caller.user) throw unauthenticated();
    const loaded = await readablePilot(this.em, id, caller);
    const { pilot, partners } = loaded;
    const reason = input.reason?.trim() || null;
    await this.runner.fire({
      definition: pilotWorkflow,
      entity: Pilot,
      entityType: pilotEntityType,
      record: pilot,
      transition,
      version: input.version,
      context: pilotContext(pilot, partners),
      permit: this.permit(loaded, caller),
      inputIssues:
        transition === 'close' && !reason ? [{ path: 'reason', message: closeReasonMessage }] : undefined,
      actorId: caller.user.id,
      payload: reason ? { comment: reason } : {},
      alongside: async (em, fired) => {
        const now = new Date();
        // Set once: a pilot is public from its first activation on.
        if (fired === 'activate')
          await em.nativeUpdate(Pilot, { id, activatedAt: null }, { activatedAt: now });
        if (fired === 'complete') await em.nativeUpdate(Pilot, { id }, { completedAt: now });
        if (fired === 'close') await em.nativeUpdate(Pilot, { id }, { closedAt: now, closedReason: reason });
      },
    });
    // The transaction wrote past this request's identity map; read the pilot afresh.
    const fresh = await loadPilot(this.em, id, true);
    if (!fresh) throw notFound('pilot');
    return toPilotDto(fresh.pilot, fresh.partners, caller);
  }

  /**
   * The pilot's chain merged with its invitations' chains, in time order. The public sees what
   * happened to the pilot, not who did it; signed-in readers every change, but no invitation of
   * an organisation the pilot page does not show them.
   */
  async timeline(id: string, caller: Caller): Promise<WorkflowEventList> {
    const { pilot, partners } = await readablePilot(this.em, id, caller);
    const pilotEvents = await this.events.chains(pilotEntityType, [id]);
    if (!caller.actor)
      return {
        items: pilotTimeline(
          { pilotEvents, partnerEvents: [], partners, organisationNames: new Map() },
          { signedIn: false },
        ),
      };
    const partnerEvents = await this.events.chains(
      pilotPartnerEntityType,
      partners.map((p) => p.id),
    );
    const organisationNames = await this.organisationNames(pilotEvents, partners);
    const hiddenOrganisations = new Set(
      partners
        .filter((p) => p.status !== 'accepted' && !caller.ability.can('read', pilotPartnerSubject(p, pilot)))
        .map((p) => p.organisation.id),
    );
    return {
      items: pilotTimeline(
        { pilotEvents, partnerEvents, partners, organisationNames },
        { signedIn: true, hiddenOrganisations },
      ),
    };
  }

  /** The partners' names, and those of any other organisation an event names (a report's). */
  private async organisationNames(
    events: readonly WorkflowEvent[],
    partners: readonly PilotPartner[],
  ): Promise<Map<string, string>> {
    const names = new Map(partners.map((p) => [p.organisation.id, p.organisation.name]));
    const others = [
      ...new Set(
        events
          .map((e) => e.payload?.organisationId)
          .filter((v): v is string => typeof v === 'string' && !names.has(v)),
      ),
    ];
    if (others.length)
      for (const org of await this.em.find(Organisation, { id: { $in: others } }, { fields: ['name'] }))
        names.set(org.id, org.name);
    return names;
  }

  /** CASL decides who may fire a transition (action = transition name); the engine decides when. */
  private permit({ pilot, partners }: LoadedPilot, caller: Caller) {
    const subject = pilotSubject(pilot, partners);
    return (transition: PilotTransition) => caller.ability.can(transition as Action, subject);
  }
}
