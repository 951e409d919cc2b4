import type { Practice } from '@pathways/persistence';
import { asSubject } from '@pathways/permissions';

/** What CASL conditions see of a practice (the owner organisation as its id). */
export const practiceSubject = (practice: Practice) =>
  asSubject('Practice', {
    id: practice.id,
    organisation: practice.organisation.id,
    status: practice.status,
  });
