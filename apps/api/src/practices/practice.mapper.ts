import type { Practice as PracticeDto } from '@pathways/contracts';
import type { Practice, PracticeVersion } from '@pathways/persistence';

export const toPracticeDto = (practice: Practice, current: PracticeVersion): PracticeDto => ({
  id: practice.id,
  slug: practice.slug,
  organisationId: practice.organisation.id,
  organisationName: practice.organisation.name,
  authorHidden: false,
  status: practice.status,
  versionNumber: current.number,
  content: current.content,
  createdAt: practice.createdAt.toISOString(),
  updatedAt: practice.updatedAt.toISOString(),
  version: practice.version,
});
