import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Practice } from '@pathways/persistence';
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
 * What follows a practice entering or leaving the public library. For now: its authors hear of it.
 * The public library's search index and feeds (DESIGN §7) will be updated here in a later issue,
 * guarded by the same re-read of the practice's state.
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
    const practice = await em.findOne(Practice, { id: effect.entityId }, { populate: ['currentVersion'] });
    if (!practice) return { skipped: 'the practice no longer exists' };
    const { status, notice } = expected[job];
    // Retracted right after publishing (or the reverse): only the state it is in now is announced.
    if (practice.status !== status) return { skipped: `the practice is ${practice.status}` };
    const title = practiceTitle(practice.currentVersion?.getEntity().content, practice.slug);
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
