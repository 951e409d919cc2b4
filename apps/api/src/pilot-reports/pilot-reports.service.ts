import { type FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import {
  acceptsReports,
  type CreatePilotReportInput,
  type FieldIssue,
  type PilotReport as ReportDto,
  type PilotReporting,
  pilotReporting,
  pilotReportingSettings,
  type PilotReportListQuery,
  type PilotReportPage,
  type RemovalQuery,
  type ReportingThresholds,
  type SubmitPilotReportInput,
  unknownReportIndicators,
  type UpdatePilotReportInput,
} from '@pathways/contracts';
import { lastPilotReport, Organisation, OutboxMessage, PilotReport } from '@pathways/persistence';
import { PilotReportJob, QueueName } from '@pathways/queues';
import type { Caller, SignedInCaller } from '../access/caller';
import { conflict, DomainError, fieldError, forbidden, staleVersion } from '../common/domain-error';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { recordPilotChange } from '../pilots/pilot-changes';
import { findReport, type PilotScope, readablePilot, reportSubject } from './pilot-report.access';
import { toReportDto } from './pilot-report.mapper';

/** What the pilot's log says of a report: which one, whose, and whether it speaks for the whole pilot. */
const filed = (report: PilotReport, organisationId: string) => ({
  reportId: report.id,
  organisationId,
  compiled: report.compiled,
});

/**
 * Progress reports: each accepted partner (the lead included) drafts and submits its own part; the
 * lead alone files the compiled report for the whole pilot. A submitted report never changes.
 * Drafting, submitting and discarding are events on the pilot's chain; editing a draft is not.
 */
@Injectable()
export class PilotReportsService {
  readonly thresholds: ReportingThresholds;

  constructor(
    private readonly em: EntityManager,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    // The same months as the registry's light (both scale them by DAY_SECONDS).
    const { yellowAfterMs, redAfterMs } = pilotReportingSettings(config, config.DAY_SECONDS).settings;
    this.thresholds = { yellowAfterMs, redAfterMs };
  }

  /**
   * Submitted reports, newest first, then the caller's own drafts; `state` keeps to one of them, so
   * a page of drafts is never crowded out by many submitted reports.
   */
  async list(pilotId: string, query: PilotReportListQuery, caller: Caller): Promise<PilotReportPage> {
    const { pilot } = await readablePilot(this.em, pilotId, caller);
    const own = (caller.actor?.memberships ?? [])
      .filter((m) => caller.ability.can('update', reportSubject(pilot, m.organisationId)))
      .map((m) => m.organisationId);
    const submitted: FilterQuery<PilotReport> = { submittedAt: { $ne: null } };
    const drafts: FilterQuery<PilotReport> = { submittedAt: null, organisation: { $in: own } };
    const where: FilterQuery<PilotReport> =
      query.state === 'submitted'
        ? { pilot, ...submitted }
        : query.state === 'draft'
          ? { pilot, ...drafts }
          : { pilot, $or: [submitted, drafts] };
    const [rows, total] = await this.em.findAndCount(PilotReport, where, {
      populate: ['organisation'],
      orderBy: [{ submittedAt: 'desc nulls last' }, { periodEnd: 'desc' }, { id: 'asc' }],
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: rows.map(toReportDto), total, page: query.page, pageSize: query.pageSize };
  }

  async get(pilotId: string, id: string, caller: Caller): Promise<ReportDto> {
    const scope = await readablePilot(this.em, pilotId, caller);
    return toReportDto(await findReport(this.em, scope, id, caller));
  }

  async create(pilotId: string, input: CreatePilotReportInput, caller: SignedInCaller): Promise<ReportDto> {
    const scope = await readablePilot(this.em, pilotId, caller);
    const { pilot } = scope;
    const organisationId = this.reportingOrganisation(scope, input.organisationId, caller);
    if (input.compiled && organisationId !== pilot.leadOrganisation.id)
      throw forbidden('Only the lead organisation compiles the report of the whole pilot.');
    this.assertOpen(scope);
    this.assertIndicators(scope, input.indicators);
    const report = await this.em.transactional(async (em) => {
      const row = em.create(PilotReport, {
        pilot,
        organisation: em.getReference(Organisation, organisationId),
        compiled: input.compiled,
        periodStart: input.period.start,
        periodEnd: input.period.end,
        narrative: input.narrative,
        indicators: input.indicators,
      });
      await recordPilotChange(em, pilot.id, 'draft_report', caller.user.id, filed(row, organisationId));
      return row;
    });
    await this.em.populate(report, ['organisation']);
    return toReportDto(report);
  }

  async update(
    pilotId: string,
    id: string,
    input: UpdatePilotReportInput,
    caller: SignedInCaller,
  ): Promise<ReportDto> {
    const { scope, report } = await this.ownDraft(pilotId, id, input.version, caller);
    if (input.indicators) this.assertIndicators(scope, input.indicators);
    if (input.period) {
      report.periodStart = input.period.start;
      report.periodEnd = input.period.end;
    }
    if (input.narrative !== undefined) report.narrative = input.narrative;
    if (input.indicators) report.indicators = input.indicators;
    report.updatedAt = new Date();
    await this.em.flush();
    return toReportDto(report);
  }

  /**
   * Files the report. A compiled report of a running pilot also resets its reporting timers: an
   * outbox row in the same transaction, so the schedule follows the submission even if Redis is down.
   */
  async submit(
    pilotId: string,
    id: string,
    input: SubmitPilotReportInput,
    caller: SignedInCaller,
  ): Promise<ReportDto> {
    const { scope, report } = await this.ownDraft(pilotId, id, input.version, caller);
    const now = new Date();
    report.submittedAt = now;
    report.submittedBy = caller.user;
    report.updatedAt = now;
    await this.em.transactional(async (em) => {
      if (report.compiled && scope.pilot.status === 'active') {
        em.create(OutboxMessage, {
          queue: QueueName.Reminders,
          jobName: PilotReportJob.ScheduleReporting,
          payload: { pilotId: scope.pilot.id },
        });
      }
      await recordPilotChange(
        em,
        scope.pilot.id,
        'submit_report',
        caller.user.id,
        filed(report, report.organisation.id),
      );
    });
    return toReportDto(report);
  }

  /**
   * Throws away a draft of the caller's own organisation, as it was at `version`; on the pilot's
   * chain like its drafting, so the log tells why a started report never came.
   */
  async discard(
    pilotId: string,
    id: string,
    { version }: RemovalQuery,
    caller: SignedInCaller,
  ): Promise<void> {
    const { scope, report } = await this.ownDraft(pilotId, id, version, caller, 'delete');
    await this.em.transactional(async (em) => {
      await recordPilotChange(
        em,
        scope.pilot.id,
        'discard_report',
        caller.user.id,
        filed(report, report.organisation.id),
      );
      // Under the pilot's lock, and only as seen: a save or a submission that came first wins, and no
      // event stays.
      const gone = await em.nativeDelete(PilotReport, { id: report.id, version, submittedAt: null });
      if (!gone) throw staleVersion('report');
    });
  }

  async reporting(pilotId: string, caller: Caller, now = new Date()): Promise<PilotReporting> {
    const { pilot } = await readablePilot(this.em, pilotId, caller);
    const last = await lastPilotReport(this.em, pilot.id);
    return {
      ...pilotReporting(pilot, last?.submittedAt ?? null, now, this.thresholds),
      thresholds: this.thresholds,
    };
  }

  /** 404 unseen, 403 not the caller's organisation, 409 stale, submitted, or the pilot no longer reporting. */
  private async ownDraft(
    pilotId: string,
    id: string,
    version: number,
    caller: SignedInCaller,
    action: 'update' | 'delete' = 'update',
  ) {
    const scope = await readablePilot(this.em, pilotId, caller);
    const report = await findReport(this.em, scope, id, caller);
    if (!caller.ability.can(action, reportSubject(scope.pilot, report.organisation.id)))
      throw forbidden('Only members of the organisation that wrote a report may change it.');
    if (report.submittedAt)
      throw conflict('INVALID_STATE', 'This report was submitted; it can no longer change.');
    if (report.version !== version) throw staleVersion('report');
    this.assertOpen(scope);
    return { scope, report };
  }

  /**
   * The organisation the caller reports for: the one named, or their only organisation among the
   * pilot's reporting partners. It must be an accepted partner (or the lead) the caller acts for.
   */
  private reportingOrganisation(
    scope: PilotScope,
    named: string | undefined,
    caller: SignedInCaller,
  ): string {
    const mine = caller.actor.memberships
      .map((m) => m.organisationId)
      .filter(
        (id) => scope.reporting.has(id) && caller.ability.can('create', reportSubject(scope.pilot, id)),
      );
    if (named) {
      if (!scope.reporting.has(named))
        throw forbidden('Only the lead and the partners that accepted report on this pilot.');
      if (!mine.includes(named)) throw forbidden('You report only for an organisation you are a member of.');
      return named;
    }
    if (mine.length === 1) return mine[0];
    if (!mine.length)
      throw forbidden('Only members of the lead and of accepted partners report on this pilot.');
    throw fieldError(
      'organisationId',
      'You belong to several partners of this pilot; choose which one reports.',
    );
  }

  private assertOpen({ pilot }: PilotScope): void {
    if (!acceptsReports(pilot, new Date(), this.thresholds))
      throw conflict(
        'INVALID_STATE',
        `This pilot is ${pilot.status}; reports are written while it is active and shortly after it completes.`,
      );
  }

  /** 400 naming each `indicators.N.indicator` that is not one of the pilot's target indicators. */
  private assertIndicators({ pilot }: PilotScope, indicators: readonly { indicator: string }[]): void {
    const issues: FieldIssue[] = unknownReportIndicators(indicators, pilot.content.indicators ?? []);
    if (issues.length)
      throw new DomainError(
        400,
        'VALIDATION_FAILED',
        `Check these fields: ${issues.map((i) => i.path).join(', ')}.`,
        issues,
      );
  }
}
