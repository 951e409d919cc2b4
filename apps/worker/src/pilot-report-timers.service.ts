import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { lastPilotReport, Pilot, PilotPartner, type User } from '@pathways/persistence';
import {
  parseJobPayload,
  PilotReportJob,
  type PilotReportMoment,
  pilotReportMoments,
  pilotReportTimerId,
  QueueName,
} from '@pathways/queues';
import { formatWhen, NoticeSender } from './notice.sender';
import { OutboxProducer } from './outbox.producer';
import { pilotReportReminderText } from './pilot-report-reminder.text';
import { focalPointsOf, pilotTitle } from './pilot-recipients';
import type { TimerOutcome } from './review-timers.service';
import { WORKER_CONFIG, type WorkerConfig } from './worker.config';

/** A timer that found its job still running elsewhere: BullMQ retries the schedule shortly. */
export class PilotTimerBusyError extends Error {
  override readonly name = 'PilotTimerBusyError';
}

/**
 * Reporting timers of active pilots. Counted from the last report that sets the light (or from
 * activation): a reminder before the report falls due, and overdue notices when the light turns
 * yellow and red. Each timer re-reads the pilot when it fires; one that reported meanwhile, or is
 * no longer active, gets nothing.
 */
@Injectable()
export class PilotReportTimers {
  constructor(
    private readonly em: EntityManager,
    private readonly producer: OutboxProducer,
    private readonly notices: NoticeSender,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
  ) {}

  /** When each timer fires, counted from `since`; the reminder is left out when set to 0. */
  moments(since: Date): { moment: PilotReportMoment; at: number }[] {
    const { yellowAfterMs, redAfterMs, reminderBeforeMs } = this.config.pilotReporting;
    const t = since.getTime();
    const at: Record<PilotReportMoment, number> = {
      due_soon: t + yellowAfterMs - reminderBeforeMs,
      yellow: t + yellowAfterMs,
      red: t + redAfterMs,
    };
    return pilotReportMoments
      .filter((moment) => moment !== 'due_soon' || reminderBeforeMs > 0)
      .map((moment) => ({ moment, at: at[moment] }));
  }

  /**
   * The activate effect, and each submitted report: (re)sets the pilot's three timers under fixed ids,
   * removing the earlier ones, so a pilot has one set of timers, counted from its latest report.
   */
  async schedule(data: unknown, now = new Date()): Promise<TimerOutcome> {
    const payload = parseJobPayload(QueueName.Reminders, PilotReportJob.ScheduleReporting, data);
    const pilotId = 'pilotId' in payload ? payload.pilotId : payload.entityId;
    const em = this.em.fork();
    const pilot = await em.findOne(Pilot, { id: pilotId });
    if (!pilot) return { skipped: 'the pilot no longer exists' };
    if (pilot.status !== 'active' || !pilot.activatedAt) return { skipped: `the pilot is ${pilot.status}` };
    const since = (await lastPilotReport(em, pilot.id))?.submittedAt ?? pilot.activatedAt;
    const queue = this.producer.queue(QueueName.Reminders);
    const timers: string[] = [];
    for (const { moment, at } of this.moments(since)) {
      const jobId = pilotReportTimerId(pilot.id, moment);
      // 0 with the job still there: it is running right now; retrying lets it finish first.
      if ((await queue.remove(jobId)) === 0 && (await queue.getJob(jobId)))
        throw new PilotTimerBusyError(`timer ${jobId} is running; scheduling again shortly`);
      await this.producer.add(
        QueueName.Reminders,
        PilotReportJob.RemindReport,
        { pilotId: pilot.id, moment, since: since.toISOString() },
        { jobId, delay: Math.max(0, at - now.getTime()) },
      );
      timers.push(jobId);
    }
    return { done: 'scheduled', since: since.toISOString(), timers };
  }

  /** Tells the focal points of the lead and of every accepted partner, each in their language. */
  async remind(data: unknown, now = new Date()): Promise<TimerOutcome> {
    const { pilotId, moment, since } = parseJobPayload(
      QueueName.Reminders,
      PilotReportJob.RemindReport,
      data,
    );
    const em = this.em.fork();
    const pilot = await em.findOne(Pilot, { id: pilotId });
    if (!pilot) return { skipped: 'the pilot no longer exists' };
    if (pilot.status !== 'active' || !pilot.activatedAt) return { skipped: `the pilot is ${pilot.status}` };
    const basis = await lastPilotReport(em, pilot.id);
    const current = basis?.submittedAt ?? pilot.activatedAt;
    if (current.getTime() !== new Date(since).getTime()) return { skipped: 'the pilot reported meanwhile' };
    const timing = this.moments(current);
    const at = timing.find((t) => t.moment === moment)?.at;
    if (at === undefined) return { skipped: 'reminders before the due date are off' };
    // Set under shorter thresholds than today's: count the timers again (once this one has finished).
    if (at > now.getTime()) {
      await this.producer.add(QueueName.Reminders, PilotReportJob.ScheduleReporting, { pilotId: pilot.id });
      return { skipped: `the ${moment.replace('_', ' ')} moment is not reached yet; timers set again` };
    }

    const { yellowAfterMs, redAfterMs } = this.config.pilotReporting;
    const title = pilotTitle(pilot);
    const notified = await this.notices.sendEach(em, await this.focalPoints(em, pilot), (_, locale) => {
      const facts = {
        pilot: title,
        dueAt: formatWhen(new Date(current.getTime() + yellowAfterMs), locale),
        redAt: formatWhen(new Date(current.getTime() + redAfterMs), locale),
      };
      const text = pilotReportReminderText[moment][locale];
      return {
        kind: `pilot_report_${moment}`,
        // One notice per reporting round: the report it is counted from, or the pilot before any.
        sourceId: basis?.reportId ?? pilot.id,
        title: text.title(facts),
        body: text.body(facts),
        link: `/pilots/${pilot.id}`,
      };
    });
    return { done: 'reminded', moment, notified };
  }

  /** Active focal points of the lead and of the partners that accepted. */
  private async focalPoints(em: EntityManager, pilot: Pilot): Promise<User[]> {
    const accepted = await em.find(PilotPartner, { pilot, status: 'accepted' }, { fields: ['organisation'] });
    return focalPointsOf(em, [pilot.leadOrganisation.id, ...accepted.map((p) => p.organisation.id)]);
  }
}
