import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Pilot, PilotPartner, WorkflowEvent } from '@pathways/persistence';
import { parseJobPayload, PilotJob, QueueName } from '@pathways/queues';
import { formatWhen, NoticeSender } from './notice.sender';
import { type PilotAnswer, pilotAnswerText, pilotInvitationText, pilotStateText } from './pilot-notice.text';
import { focalPointsOf, pilotTitle } from './pilot-recipients';
import { WORKER_CONFIG, type WorkerConfig } from './worker.config';

export type PilotNoticeOutcome = { notified: number } | { skipped: string };

const answers: readonly string[] = ['accept', 'decline', 'expire'] satisfies PilotAnswer[];

/** When an invitation lapses: its stored date, or the configured window for a row without one. */
export const invitationExpiry = (
  partner: PilotPartner,
  config: Pick<WorkerConfig, 'pilotInvitationDays' | 'daySeconds'>,
) =>
  partner.expiresAt ??
  new Date(partner.invitedAt.getTime() + config.pilotInvitationDays * config.daySeconds * 1000);

/**
 * Whether a job is about the invitation's current round: a row invited again is a new round, and
 * an earlier round's jobs (its reminder, still waiting) do nothing. A job without a round is
 * about the row as it is.
 */
export const currentRound = (partner: PilotPartner, invitedAt: string | undefined): boolean =>
  invitedAt === undefined || partner.invitedAt.getTime() === Date.parse(invitedAt);

/**
 * What a notice of the invitation's current round is filed under, so each round is told once: the
 * row for the first, its `reinvite` event for each later one.
 */
export async function invitationRound(em: EntityManager, partner: PilotPartner): Promise<string> {
  const reinvited = await em.findOne(
    WorkflowEvent,
    { entityType: 'PilotPartner', entityId: partner.id, transition: 'reinvite' },
    { orderBy: { sequence: 'desc' } },
  );
  return reinvited?.id ?? partner.id;
}

/** Said when a job belongs to an earlier round of the invitation. */
export const supersededRound = { skipped: 'a later invitation replaced this one' } as const;

/**
 * Tells the partnership about its pilot, in-app and by e-mail, each person in their language and
 * once (even when a job runs twice): the invited organisation's focal points of an invitation,
 * the lead's of an answer, the lead's and accepted partners' of a change of state.
 */
@Injectable()
export class PilotNotifier {
  constructor(
    private readonly em: EntityManager,
    private readonly notices: NoticeSender,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async invitationReceived(data: unknown): Promise<PilotNoticeOutcome> {
    const { partnerId, invitedAt } = parseJobPayload(QueueName.Pilots, PilotJob.InvitationReceived, data);
    const em = this.em.fork();
    const partner = await this.loadInvitation(em, partnerId);
    if (!partner) return { skipped: 'the invitation no longer exists' };
    if (!currentRound(partner, invitedAt)) return supersededRound;
    // Answered, withdrawn or lapsed before the notice went out: nothing to ask.
    if (partner.status !== 'invited') return { skipped: `the invitation is ${partner.status}` };
    const { pilot } = partner;
    const sourceId = await invitationRound(em, partner);
    const recipients = await focalPointsOf(em, [partner.organisation.id]);
    const notified = await this.notices.sendEach(em, recipients, (_, locale) => {
      const facts = {
        pilot: pilotTitle(pilot),
        lead: pilot.leadOrganisation.name,
        role: partner.role,
        expiresAt: formatWhen(invitationExpiry(partner, this.config), locale),
      };
      return {
        kind: 'pilot_invitation_received',
        sourceId,
        title: pilotInvitationText[locale].title(facts),
        body: pilotInvitationText[locale].body(facts),
        link: `/pilots/${pilot.id}`,
      };
    });
    return { notified };
  }

  /** The accept / decline / expire effect: the lead's focal points hear the answer. */
  async invitationAnswered(data: unknown): Promise<PilotNoticeOutcome> {
    const effect = parseJobPayload(QueueName.Pilots, PilotJob.InvitationAnswered, data);
    if (!answers.includes(effect.transition)) return { skipped: `${effect.transition} is not an answer` };
    const em = this.em.fork();
    const partner = await this.loadInvitation(em, effect.entityId);
    if (!partner) return { skipped: 'the invitation no longer exists' };
    const { pilot } = partner;
    const text = pilotAnswerText[effect.transition as PilotAnswer];
    const recipients = await focalPointsOf(em, [pilot.leadOrganisation.id]);
    const notified = await this.notices.sendEach(em, recipients, (_, locale) => {
      const facts = { pilot: pilotTitle(pilot), partner: partner.organisation.name };
      return {
        kind: `pilot_invitation_${effect.transition}`,
        sourceId: effect.eventId,
        title: text[locale].title(facts),
        body: text[locale].body(facts),
        link: `/pilots/${pilot.id}`,
      };
    });
    return { notified };
  }

  /** Every pilot transition's effect: the lead's and the accepted partners' focal points hear it. */
  async stateChanged(data: unknown): Promise<PilotNoticeOutcome> {
    const effect = parseJobPayload(QueueName.Pilots, PilotJob.PilotStateChanged, data);
    const em = this.em.fork();
    const pilot = await em.findOne(Pilot, { id: effect.entityId }, { populate: ['leadOrganisation'] });
    if (!pilot) return { skipped: 'the pilot no longer exists' };
    const event = await em.findOne(WorkflowEvent, { id: effect.eventId });
    if (!event) return { skipped: 'the event no longer exists' };
    const partners = await em.find(PilotPartner, { pilot, status: 'accepted' });
    const recipients = await focalPointsOf(em, [
      pilot.leadOrganisation.id,
      ...partners.map((p) => p.organisation.id),
    ]);
    // The state the event led to, not the current one: a late job tells what happened then.
    const status = event.toState as Pilot['status'];
    const reason = typeof event.payload?.comment === 'string' ? event.payload.comment : null;
    const notified = await this.notices.sendEach(em, recipients, (_, locale) => {
      const facts = { pilot: pilotTitle(pilot), status, reason };
      return {
        kind: 'pilot_state_changed',
        sourceId: effect.eventId,
        title: pilotStateText[locale].title(facts),
        body: pilotStateText[locale].body(facts),
        link: `/pilots/${pilot.id}`,
      };
    });
    return { notified };
  }

  private loadInvitation(em: EntityManager, id: string) {
    return em.findOne(
      PilotPartner,
      { id },
      { populate: ['organisation', 'pilot', 'pilot.leadOrganisation'] },
    );
  }
}
