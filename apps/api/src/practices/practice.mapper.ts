import type { Practice as PracticeDto } from '@pathways/contracts';
import type { Practice, PracticeVersion } from '@pathways/persistence';
import type { Caller } from '../access/caller';
import { authorHidden, contentFor } from './practice.blind';

/** The practice as this caller may read it: without its author under double-blind review. */
export const toPracticeDto = (
  practice: Practice,
  current: PracticeVersion,
  caller: Pick<Caller, 'ability'>,
  published: PracticeVersion | null,
): PracticeDto => {
  const hidden = authorHidden(practice, caller);
  return {
    id: practice.id,
    slug: practice.slug,
    organisationId: hidden ? null : practice.organisation.id,
    organisationName: hidden ? null : practice.organisation.name,
    authorHidden: hidden,
    status: practice.status,
    versionNumber: current.number,
    publishedVersionNumber: published?.number ?? null,
    content: contentFor(current.content, hidden),
    pilotId: hidden ? null : (practice.pilot?.id ?? null),
    createdAt: practice.createdAt.toISOString(),
    updatedAt: practice.updatedAt.toISOString(),
    version: practice.version,
  };
};
