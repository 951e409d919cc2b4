import type { EntityManager } from '@mikro-orm/postgresql';
import { Practice } from '@pathways/persistence';
import type { Caller } from '../access/caller';
import { conflict, forbidden, notFound } from '../common/domain-error';
import { practiceSubject } from './practice.subject';

/** The authors hold a practice, and may change it or its attachments, only in these states. */
export const editableStates: readonly Practice['status'][] = ['draft', 'revisions_requested'];

/** Loads a practice the caller may see; anything else is "not found", never "forbidden". */
export async function readablePractice(em: EntityManager, id: string, caller: Caller): Promise<Practice> {
  const practice = await em.findOne(
    Practice,
    { id },
    { populate: ['organisation', 'currentVersion', 'publishedVersion'] },
  );
  if (!practice || !caller.ability.can('read', practiceSubject(practice))) throw notFound('practice');
  return practice;
}

/** 409 when the attachments belong to a published version, which never changes. */
export function assertAttachmentsOpen(practice: Practice): void {
  const published = practice.publishedVersion?.getEntity();
  if (published) {
    throw conflict(
      'INVALID_STATE',
      `The attachments of published version ${published.number} are frozen; they cannot change while the library shows it.`,
    );
  }
}

/** 403 when the caller may not edit it at all, 409 when the practice is not in the authors' hands. */
export function assertEditable(practice: Practice, caller: Caller, what = 'it can be edited'): void {
  if (!caller.ability.can('update', practiceSubject(practice)))
    throw forbidden('You cannot edit this practice.');
  if (!editableStates.includes(practice.status)) {
    throw conflict(
      'INVALID_STATE',
      `This practice is ${practice.status.replaceAll('_', ' ')}; ${what} only as a draft or when revisions are requested.`,
    );
  }
}
