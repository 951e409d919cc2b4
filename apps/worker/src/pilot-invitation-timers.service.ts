import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { applyTransition, PilotPartner, StaleRecordError } from '@pathways/persistence';
import { parseJobPayload, PilotJob, pilotInvitationTimerIds, QueueName } from '@pathways/queues';
import { decide, pilotPartnerWorkflow } from '@pathways/workflow';
import { formatWhen, NoticeSender } from './notice.sender';
import { pilotInvitationReminderText } from './pilot-notice.text';
import { currentRound, invitationExpiry, invitationRound, supersededRound } from './pilot-notifier.service';
import { focalPointsOf, pilotTitle } from './pilot-recipients';
import { OutboxProducer } from './outbox.producer';
import { WORKER_CONFIG, type WorkerConfig } from './worker.config';

export type PilotTimerOutcome = { done: string; [detail: string]: unknown } | { skipped: string };

/** Pilots that ended no longer gather partners: their open invitations are left to lapse quietly. */
const endedPilots: readonly string[] = ['completed', 'closed', 'withdrawn'];

/**
 * An invitation's timers: a reminder before it lapses and its expiry at `expiresAt`, as delayed
 * jobs with deterministic ids. Each re-reads the invitation when it fires: an answered or withdrawn
 * invitation is neither reminded nor expired.
 */
@Injectable()
export class PilotInvitationTimers {
  constructor(
    private readonly em: EntityManager,
    private readonly producer: OutboxProducer,
    private readonly notices: NoticeSender,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  async schedule(data: unknown, now = new Date()): Promise<PilotTimerOutcome> {
    const { partnerId, invitedAt } = parseJobPayload(
      QueueName.Pilots,
      PilotJob.ScheduleInvitationTimers,
      data,
    );
    const partner = await this.em.fork().findOne(PilotPartner, { id: partnerId });
    if (!partner) return { skipped: 'the invitation no longer exists' };
    if (!currentRound(partner, invitedAt)) return supersededRound;
    if (partner.status !== 'invited') return { skipped: `the invitation is ${partner.status}` };
    const expiresAt = invitationExpiry(partner, this.config).getTime();
    // Some days before it lapses, but never before half its window has passed.
    const window = expiresAt - partner.invitedAt.getTime();
    const lead = Math.min(
      this.config.pilotInvitationReminderDays * this.config.daySeconds * 1000,
      window / 2,
    );
    const delay = (at: number) => Math.max(0, Math.round(at - now.getTime()));
    // The timers carry their round, so those of a row invited again since then do nothing.
    const round = partner.invitedAt;
    const payload = { partnerId, invitedAt: round.toISOString() };
    const timers = [
      pilotInvitationTimerIds.remind(partnerId, round),
      pilotInvitationTimerIds.expire(partnerId, round),
    ];
    await this.producer.add(QueueName.Pilots, PilotJob.RemindInvitation, payload, {
      jobId: timers[0],
      delay: delay(expiresAt - lead),
    });
    await this.producer.add(QueueName.Pilots, PilotJob.ExpireInvitation, payload, {
      jobId: timers[1],
      delay: delay(expiresAt),
    });
    return { done: 'scheduled', timers };
  }

  /** Reminds the invited organisation's focal points, in their language, if it is still unanswered. */
  async remind(data: unknown): Promise<PilotTimerOutcome> {
    const { partnerId, invitedAt } = parseJobPayload(QueueName.Pilots, PilotJob.RemindInvitation, data);
    const em = this.em.fork();
    const partner = await em.findOne(
      PilotPartner,
      { id: partnerId },
      { populate: ['organisation', 'pilot', 'pilot.leadOrganisation'] },
    );
    if (!partner) return { skipped: 'the invitation no longer exists' };
    if (!currentRound(partner, invitedAt)) return supersededRound;
    if (partner.status !== 'invited') return { skipped: `the invitation is ${partner.status}` };
    const { pilot } = partner;
    if (endedPilots.includes(pilot.status)) return { skipped: `the pilot is ${pilot.status}` };
    const recipients = await focalPointsOf(em, [partner.organisation.id]);
    const sourceId = await invitationRound(em, partner);
    const notified = await this.notices.sendEach(em, recipients, (_, locale) => {
      const facts = {
        pilot: pilotTitle(pilot),
        lead: pilot.leadOrganisation.name,
        role: partner.role,
        expiresAt: formatWhen(invitationExpiry(partner, this.config), locale),
      };
      return {
        kind: 'pilot_invitation_reminder',
        sourceId,
        title: pilotInvitationReminderText[locale].title(facts),
        body: pilotInvitationReminderText[locale].body(facts),
        link: `/pilots/${pilot.id}`,
      };
    });
    return { done: 'reminded', notified };
  }

  /** At `expiresAt`: an invitation still unanswered lapses, fired as the system (no actor). */
  async expire(data: unknown, now = new Date()): Promise<PilotTimerOutcome> {
    const { partnerId, invitedAt } = parseJobPayload(QueueName.Pilots, PilotJob.ExpireInvitation, data);
    const em = this.em.fork();
    const partner = await em.findOne(PilotPartner, { id: partnerId });
    if (!partner) return { skipped: 'the invitation no longer exists' };
    if (!currentRound(partner, invitedAt)) return supersededRound;
    const expiresAt = invitationExpiry(partner, this.config);
    if (expiresAt > now) return { skipped: 'the invitation is still open' };
    const decision = decide(pilotPartnerWorkflow, partner.status, 'expire', {}, () => true);
    if (!decision.ok) return { skipped: `the invitation is ${partner.status}` };
    try {
      await em.transactional((tx) =>
        applyTransition(tx, {
          entity: PilotPartner,
          entityType: 'PilotPartner',
          workflow: pilotPartnerWorkflow.name,
          record: partner,
          transition: 'expire',
          from: decision.from,
          to: decision.to,
          effects: decision.effects,
          actorId: null,
          payload: {
            pilotId: partner.pilot.id,
            organisationId: partner.organisation.id,
            expiresAt: expiresAt.toISOString(),
          },
        }),
      );
    } catch (error) {
      // Answered in the same instant: the answer stands.
      if (error instanceof StaleRecordError) return { skipped: 'the invitation changed meanwhile' };
      throw error;
    }
    return { done: decision.to };
  }
}
