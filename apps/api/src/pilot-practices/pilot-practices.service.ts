import { ref } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { PilotPracticeList, Practice as PracticeDto } from '@pathways/contracts';
import { PilotReport, Practice, PracticeVersion } from '@pathways/persistence';
import { asSubject } from '@pathways/permissions';
import type { Caller, SignedInCaller } from '../access/caller';
import { AuditService } from '../audit/audit.service';
import { conflict, forbidden } from '../common/domain-error';
import { readablePilot } from '../pilots/pilot.access';
import { recordPilotChange } from '../pilots/pilot-changes';
import { pilotSubject } from '../pilots/pilot.subject';
import { authorHidden } from '../practices/practice.blind';
import { toPracticeDto } from '../practices/practice.mapper';
import { practiceSubject, readsPublishedOnly } from '../practices/practice.subject';
import { practiceSlug } from '../practices/practice.slug';
import { practiceContentFromPilot, type ReportedValues } from './pilot-practice-content';

export interface PracticeDraft {
  practice: PracticeDto;
  /** False when the draft existed already and is returned as it is. */
  created: boolean;
}

/** Turns a completed pilot's results into a good-practice draft of its lead organisation (issue 5). */
@Injectable()
export class PilotPracticesService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async draft(pilotId: string, caller: SignedInCaller): Promise<PracticeDraft> {
    const { pilot, partners } = await readablePilot(this.em, pilotId, caller);
    const lead = pilot.leadOrganisation;
    // The lead's focal points (they alone update the pilot) write practices for their organisation.
    const mayDraft =
      caller.ability.can('update', pilotSubject(pilot, partners)) &&
      caller.ability.can(
        'create',
        asSubject('Practice', { id: '', organisation: lead.id, status: 'draft', publishedVersion: null }),
      );
    if (!mayDraft)
      throw forbidden("Only the lead organisation's focal points turn this pilot into a good practice.");

    return this.em.transactional(async (tx) => {
      // Takes turns with a concurrent call for the same pilot, so it makes one draft, not two.
      await tx.execute(`select 1 from pilot where id = ? for update`, [pilot.id]);
      const existing = await tx.findOne(
        Practice,
        { pilot: pilot.id, organisation: lead.id },
        { populate: ['organisation', 'currentVersion', 'publishedVersion'], orderBy: { createdAt: 'asc' } },
      );
      if (existing) return { practice: this.dto(existing, caller), created: false };
      if (pilot.status !== 'completed')
        throw conflict(
          'INVALID_STATE',
          `This pilot is ${pilot.status}; a good-practice draft can be made from it once it is completed.`,
        );

      const names = partners
        .filter((p) => p.status === 'accepted' && p.role !== 'lead')
        .map((p) => p.organisation.name);
      const content = practiceContentFromPilot(pilot.content, names, await this.latestReport(tx, pilot.id));
      const practice = tx.create(Practice, {
        slug: practiceSlug(content.title),
        organisation: lead,
        pilot: ref(pilot),
        createdBy: caller.user,
      });
      const first = tx.create(PracticeVersion, { practice, number: 1, content, createdBy: caller.user });
      practice.currentVersion = ref(first);
      this.audit.record(
        caller,
        'practice.created',
        { type: 'Practice', id: practice.id },
        { pilotId: pilot.id },
        tx,
      );
      await recordPilotChange(tx, pilot.id, 'draft_practice', caller.user.id, {
        practiceId: practice.id,
        title: content.title ?? null,
      });
      await tx.flush();
      return { practice: toPracticeDto(practice, first, caller, null), created: true };
    });
  }

  /**
   * The practices that grew out of the pilot, those the caller may read: the lead's members see
   * their drafts, everyone else the published ones. A reviewer who reads one blind does not see it
   * here, where the pilot would name its authors.
   */
  async list(pilotId: string, caller: Caller): Promise<PilotPracticeList> {
    const { pilot } = await readablePilot(this.em, pilotId, caller);
    const practices = await this.em.find(
      Practice,
      { pilot: pilot.id },
      { populate: ['organisation', 'currentVersion', 'publishedVersion'], orderBy: { createdAt: 'asc' } },
    );
    const can = (subject: unknown) => caller.ability.can('read', subject as never);
    const items = practices
      .filter((p) => can(practiceSubject(p)) && !authorHidden(p, caller))
      .map((p) => {
        const published = p.publishedVersion?.getEntity() ?? null;
        const shown = readsPublishedOnly(p, can) ? published : p.currentVersion?.getEntity();
        return {
          id: p.id,
          title: shown?.content.title ?? null,
          status: p.status,
          slug: published ? p.slug : null,
        };
      });
    return { items };
  }

  /**
   * The values of the latest submitted compiled report: the lead's, which speaks for the whole
   * pilot, as the registry page shows it; a partner's own report covers only its part.
   */
  private async latestReport(em: EntityManager, pilotId: string): Promise<ReportedValues | null> {
    const [report] = await em.find(
      PilotReport,
      { pilot: pilotId, compiled: true, submittedAt: { $ne: null } },
      { orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }], limit: 1 },
    );
    if (!report) return null;
    return { indicators: report.indicators, year: Number(report.periodEnd.slice(0, 4)) };
  }

  private dto(practice: Practice, caller: SignedInCaller): PracticeDto {
    const current = practice.currentVersion?.unwrap();
    if (!current) throw new Error(`practice ${practice.id} has no current version`);
    return toPracticeDto(practice, current, caller, practice.publishedVersion?.getEntity() ?? null);
  }
}
