import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import type {
  AnswerInvitationInput,
  InvitePartnerInput,
  PilotInvitationPage,
  PilotInvitationQuery,
  PilotPartner as PilotPartnerDto,
} from '@pathways/contracts';
import { Organisation, OutboxMessage, Pilot, PilotPartner } from '@pathways/persistence';
import type { Action } from '@pathways/permissions';
import { PilotJob, QueueName } from '@pathways/queues';
import { pilotPartnerWorkflow, type PilotPartnerTransition } from '@pathways/workflow';
import type { Caller, SignedInCaller } from '../access/caller';
import { AuditService } from '../audit/audit.service';
import {
  conflict,
  DomainError,
  fieldError,
  forbidden,
  notFound,
  staleVersion,
  unauthenticated,
} from '../common/domain-error';
import { flushUnique } from '../common/flush';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { WorkflowRunner } from '../workflow/workflow.runner';
import { invitingPilotStates, readablePilot } from './pilot.access';
import { recordPilotChange } from './pilot-changes';
import { toPilotInvitationDto, toPilotPartnerDto } from './pilot.mapper';
import { pilotPartnerSubject, pilotSubject } from './pilot.subject';

export const pilotPartnerEntityType = 'PilotPartner';
/** The answer each answering transition gives: asked again, it changes nothing. */
const answers: Partial<Record<string, PilotPartner['status']>> = { accept: 'accepted', decline: 'declined' };
/** An invitation that came to nothing, which the lead may send again. */
const reinvitable: readonly PilotPartner['status'][] = ['declined', 'expired', 'withdrawn'];
/** A pilot that ended takes no more answers or withdrawals. */
const endedPilotStates: readonly Pilot['status'][] = ['completed', 'closed', 'withdrawn'];

@Injectable()
export class PilotPartnersService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
    private readonly runner: WorkflowRunner,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * The lead invites a verified organisation, or invites again one whose invitation came to
   * nothing. The notice and the invitation's timers are written to the outbox with the row, so
   * neither can be lost even if Redis is down.
   */
  async invite(pilotId: string, input: InvitePartnerInput, caller: SignedInCaller): Promise<PilotPartnerDto> {
    const { pilot, partners } = await readablePilot(this.em, pilotId, caller);
    if (!caller.ability.can('invite', pilotSubject(pilot, partners)))
      throw forbidden("Only the lead organisation's focal points invite partners.");
    if (!invitingPilotStates.includes(pilot.status))
      throw conflict('INVALID_STATE', `This pilot is ${pilot.status}; it takes no more partners.`);
    const organisation = await this.em.findOne(Organisation, { id: input.organisationId });
    // A pending or rejected organisation is not public: the lead learns no more than "not found".
    if (!organisation || organisation.status !== 'verified')
      throw fieldError('organisationId', 'Choose a verified organisation to invite.');
    if (organisation.id === pilot.leadOrganisation.id)
      throw conflict('DUPLICATE', 'The lead organisation is a partner of its pilot already.');
    const existing = partners.find((p) => p.organisation.id === organisation.id);
    if (existing && !reinvitable.includes(existing.status))
      throw conflict(
        'DUPLICATE',
        `${organisation.name} was invited to this pilot already (${existing.status}).`,
      );
    if (existing) return this.reinvite(pilot, existing, input, caller);

    const now = new Date();
    const partner = await this.em.transactional(async (em) => {
      const row = em.create(PilotPartner, {
        pilot,
        organisation,
        role: input.role,
        message: input.message || null,
        invitedBy: caller.user,
        invitedAt: now,
        expiresAt: this.expiry(now),
      });
      this.invitationJobs(em, row.id, now);
      this.audit.record(
        caller,
        'pilot.partner_invited',
        { type: pilotPartnerEntityType, id: row.id },
        { pilotId: pilot.id, organisationId: organisation.id, role: input.role },
        em,
      );
      await recordPilotChange(em, pilot.id, 'invite', caller.user.id, {
        partnerId: row.id,
        organisationId: organisation.id,
        role: input.role,
      });
      // Two invitations of the same organisation at once: the unique (pilot, organisation) decides.
      await flushUnique(em, `${organisation.name} was invited to this pilot already.`);
      return row;
    });
    return toPilotPartnerDto(partner);
  }

  /**
   * The same row invited anew: a new round with its own role, message and answer-by date, fired
   * as `reinvite` on the invitation's chain, and its notice and timers as a first invitation's.
   */
  private async reinvite(
    pilot: Pilot,
    partner: PilotPartner,
    input: InvitePartnerInput,
    caller: SignedInCaller,
  ): Promise<PilotPartnerDto> {
    const now = new Date();
    const subject = pilotPartnerSubject(partner, pilot);
    await this.runner.fire({
      definition: pilotPartnerWorkflow,
      entity: PilotPartner,
      entityType: pilotPartnerEntityType,
      record: partner,
      transition: 'reinvite',
      // Read just now: a concurrent answer or re-invitation answers 409.
      version: partner.version,
      context: {},
      permit: (name: PilotPartnerTransition) => caller.ability.can(name as Action, subject),
      actorId: caller.user.id,
      payload: { pilotId: pilot.id, organisationId: partner.organisation.id, role: input.role },
      alongside: async (em) => {
        await em.nativeUpdate(
          PilotPartner,
          { id: partner.id },
          {
            role: input.role,
            message: input.message || null,
            countries: [],
            invitedBy: caller.user.id,
            invitedAt: now,
            expiresAt: this.expiry(now),
            respondedBy: null,
            respondedAt: null,
          },
        );
        this.invitationJobs(em, partner.id, now);
        this.audit.record(
          caller,
          'pilot.partner_reinvited',
          { type: pilotPartnerEntityType, id: partner.id },
          { pilotId: pilot.id, organisationId: partner.organisation.id, role: input.role },
          em,
        );
      },
    });
    return toPilotPartnerDto(await this.reload(partner.id));
  }

  private expiry(from: Date): Date {
    return new Date(from.getTime() + this.config.PILOT_INVITATION_DAYS * this.config.DAY_SECONDS * 1000);
  }

  /** The notice and the timers of one round of an invitation, which `invitedAt` tells from the others. */
  private invitationJobs(em: EntityManager, partnerId: string, invitedAt: Date): void {
    for (const jobName of [PilotJob.InvitationReceived, PilotJob.ScheduleInvitationTimers])
      em.create(OutboxMessage, {
        queue: QueueName.Pilots,
        jobName,
        payload: { partnerId, invitedAt: invitedAt.toISOString() },
      });
  }

  private reload(id: string): Promise<PilotPartner> {
    return this.em.findOneOrFail(PilotPartner, { id }, { populate: ['organisation'], refresh: true });
  }

  /**
   * accept / decline (the invited organisation's focal points) or withdraw (the lead). Repeating
   * the answer already given changes nothing; a different answer finds the invitation answered.
   */
  async fire(
    pilotId: string,
    partnerId: string,
    transition: string,
    input: AnswerInvitationInput,
    caller: Caller,
  ): Promise<PilotPartnerDto> {
    if (!caller.user) throw unauthenticated();
    // A new round needs its role, message and answer-by date: the invitation route sends it.
    if (transition === 'reinvite')
      throw new DomainError(
        404,
        'NOT_FOUND',
        'Invite the organisation again with POST /api/pilots/{id}/partners.',
      );
    const { pilot, partners } = await readablePilot(this.em, pilotId, caller);
    const partner = partners.find((p) => p.id === partnerId);
    if (!partner || !caller.ability.can('read', pilotPartnerSubject(partner, pilot)))
      throw notFound('invitation');
    const subject = pilotPartnerSubject(partner, pilot);
    const permit = (name: PilotPartnerTransition) => caller.ability.can(name as Action, subject);
    const repeated = partner.role !== 'lead' && answers[transition] === partner.status;
    if (repeated && permit(transition as PilotPartnerTransition)) return toPilotPartnerDto(partner);
    if (endedPilotStates.includes(pilot.status) && transition in pilotPartnerWorkflow.transitions)
      throw conflict('INVALID_STATE', `This pilot is ${pilot.status}; its invitations are closed.`);
    // Named here so the message speaks of an invitation; the runner re-checks it in its UPDATE.
    if (partner.version !== input.version) throw staleVersion('invitation');
    const accepting = transition === 'accept';
    await this.runner.fire({
      definition: pilotPartnerWorkflow,
      entity: PilotPartner,
      entityType: pilotPartnerEntityType,
      record: partner,
      transition,
      version: input.version,
      context: {},
      permit,
      actorId: caller.user.id,
      payload: {
        pilotId: pilot.id,
        organisationId: partner.organisation.id,
        ...(accepting ? { countries: input.countries } : {}),
      },
      alongside: async (em, fired) => {
        if (fired === 'accept' || fired === 'decline') {
          await em.nativeUpdate(
            PilotPartner,
            { id: partner.id },
            {
              respondedAt: new Date(),
              respondedBy: caller.user!.id,
              ...(fired === 'accept' ? { countries: input.countries } : {}),
            },
          );
        }
      },
    });
    return toPilotPartnerDto(await this.reload(partner.id));
  }

  /** Invitations to the caller's verified organisations, newest first, for their inbox. */
  async invitations(query: PilotInvitationQuery, caller: SignedInCaller): Promise<PilotInvitationPage> {
    const mine = caller.actor.memberships
      .filter((m) => m.status === 'active' && m.organisationStatus === 'verified')
      .map((m) => m.organisationId);
    const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
    if (!mine.length) return empty;
    const [rows, total] = await this.em.findAndCount(
      PilotPartner,
      {
        organisation: { $in: mine },
        role: { $ne: 'lead' },
        ...(query.status ? { status: query.status } : {}),
      },
      {
        populate: ['organisation', 'pilot', 'pilot.leadOrganisation'],
        orderBy: [{ invitedAt: 'desc' }, { id: 'asc' }],
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      },
    );
    return { items: rows.map(toPilotInvitationDto), total, page: query.page, pageSize: query.pageSize };
  }
}
