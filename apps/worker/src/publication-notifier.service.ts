import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Practice, PracticeVersion, refreshLibraryEntry } from '@pathways/persistence';
import { parseJobPayload, PublishingJob, QueueName } from '@pathways/queues';
import { NoticeSender } from './notice.sender';
import { type PublicationNotice, publicationNoticeText } from './publication-notice.text';
import { practiceAuthors, practiceTitle } from './recipients';

type PublishingJobName = (typeof PublishingJob)[keyof typeof PublishingJob];

const expected: Record<PublishingJobName, { status: string; notice: PublicationNotice }> = {
  [PublishingJob.PublishPractice]: { status: 'published', notice: 'practice_published' },
  [PublishingJob.RetractPractice]: { status: 'retracted', notice: 'practice_retracted' },
};

export type PublicationOutcome = { done: string; notified: number } | { skipped: string };

/**
 * What follows a practice entering or leaving the public library: the library's read model follows
 * the practice's state as it is now (whichever job arrives, in whatever order), and its authors hear
 * of it.
 */
@Injectable()
export class PublicationNotifier {
  constructor(
    private readonly em: EntityManager,
    private readonly notices: NoticeSender,
  ) {}

  async handle(job: PublishingJobName, data: unknown): Promise<PublicationOutcome> {
    const effect = parseJobPayload(QueueName.Publishing, job, data);
    const em = this.em.fork();
    await refreshLibraryEntry(em, effect.entityId);
    const practice = await em.findOne(Practice, { id: effect.entityId }, { populate: ['currentVersion'] });
    if (!practice) return { skipped: 'the practice no longer exists' };
    const { status, notice: plain } = expected[job];
    // Retracted right after publishing (or the reverse): only the state it is in now is announced.
    if (practice.status !== status) return { skipped: `the practice is ${practice.status}` };
    const title = practiceTitle(practice.currentVersion?.getEntity().content, practice.slug);
    // A second published version is a revision published: the authors hear it as such.
    const published = await em.count(PracticeVersion, { practice, publishedAt: { $ne: null } });
    const notice: PublicationNotice =
      job === PublishingJob.PublishPractice && published > 1 ? 'revision_published' : plain;
    const notified = await this.notices.sendEach(em, await practiceAuthors(em, practice), (_, locale) => ({
      kind: notice,
      sourceId: effect.eventId,
      title: publicationNoticeText[notice][locale].title(title),
      body: publicationNoticeText[notice][locale].body(title),
      link: `/practices/${practice.id}`,
    }));
    return { done: status, notified };
  }
}
