import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  diffPracticeContent,
  type PracticeVersionDetail,
  type PracticeVersionDiff,
  type PracticeVersionList,
  type PracticeVersionSummary,
} from '@pathways/contracts';
import { type Practice, PracticeVersion } from '@pathways/persistence';
import type { Caller } from '../access/caller';
import { notFound } from '../common/domain-error';
import { readablePractice } from './practice.access';
import { authorHidden, contentFor } from './practice.blind';
import { practiceSubject, readsPublishedOnly } from './practice.subject';

const summary = (v: PracticeVersion): PracticeVersionSummary => ({
  number: v.number,
  createdAt: v.createdAt.toISOString(),
  submittedAt: v.submittedAt?.toISOString() ?? null,
  publishedAt: v.publishedAt?.toISOString() ?? null,
});

/**
 * A practice's versions and what changed between them. The authors see their unsubmitted draft too;
 * the public sees the published version only; everyone else who may read the practice sees
 * submitted versions, and double-blind reviewers
 * see them without the fields that name organisations.
 */
@Injectable()
export class PracticeVersionsService {
  constructor(private readonly em: EntityManager) {}

  async list(practiceId: string, caller: Caller): Promise<PracticeVersionList> {
    const practice = await readablePractice(this.em, practiceId, caller);
    const versions = await this.visible(practice, caller);
    return { items: versions.map(summary) };
  }

  async get(practiceId: string, number: number, caller: Caller): Promise<PracticeVersionDetail> {
    const practice = await readablePractice(this.em, practiceId, caller);
    const version = await this.one(practice, number, caller);
    return { ...summary(version), content: contentFor(version.content, authorHidden(practice, caller)) };
  }

  async diff(practiceId: string, from: number, to: number, caller: Caller): Promise<PracticeVersionDiff> {
    const practice = await readablePractice(this.em, practiceId, caller);
    const [before, after] = [await this.one(practice, from, caller), await this.one(practice, to, caller)];
    const hidden = authorHidden(practice, caller);
    return {
      from,
      to,
      changes: diffPracticeContent(contentFor(before.content, hidden), contentFor(after.content, hidden)),
    };
  }

  private async visible(practice: Practice, caller: Caller): Promise<PracticeVersion[]> {
    if (readsPublishedOnly(practice, (subject) => caller.ability.can('read', subject as never))) {
      // The public sees what was published, never a revision under way.
      const published = practice.publishedVersion ? await practice.publishedVersion.load() : null;
      return practice.status === 'published' && published ? [published] : [];
    }
    const authors = caller.ability.can('update', practiceSubject(practice));
    return this.em.find(
      PracticeVersion,
      { practice, ...(authors ? {} : { submittedAt: { $ne: null } }) },
      { orderBy: { number: 'asc' } },
    );
  }

  private async one(practice: Practice, number: number, caller: Caller): Promise<PracticeVersion> {
    const version = (await this.visible(practice, caller)).find((v) => v.number === number);
    if (!version) throw notFound(`version ${number}`);
    return version;
  }
}
