import type { Practice } from '@pathways/persistence';
import { asSubject } from '@pathways/permissions';

/** What CASL conditions see of a practice (the owner organisation as its id). */
export const practiceSubject = (practice: Practice) =>
  asSubject('Practice', {
    id: practice.id,
    organisation: practice.organisation.id,
    status: practice.status,
    publishedVersion: practice.publishedVersion?.id ?? null,
  });

/**
 * Whether the caller reads this practice only because it is published (the public, or a partner of
 * another organisation): such readers see the published version, never earlier rounds.
 */
export const readsPublishedOnly = (practice: Practice, can: (subject: unknown) => boolean): boolean =>
  !can(
    asSubject('Practice', {
      id: practice.id,
      organisation: practice.organisation.id,
      status: 'in_review',
      publishedVersion: null,
    }),
  );
