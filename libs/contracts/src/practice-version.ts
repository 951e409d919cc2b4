import { z } from 'zod';
import { PracticeContent } from './practice';

export const PracticeVersionSummary = z.object({
  number: z.number().int(),
  createdAt: z.iso.datetime(),
  /** Null while the authors still edit it; a submitted version never changes. */
  submittedAt: z.iso.datetime().nullable(),
  /** When the version was first published; a published version and its attachments never change. */
  publishedAt: z.iso.datetime().nullable(),
});
export type PracticeVersionSummary = z.infer<typeof PracticeVersionSummary>;

export const PracticeVersionList = z.object({ items: z.array(PracticeVersionSummary) });
export type PracticeVersionList = z.infer<typeof PracticeVersionList>;

export const PracticeVersionDetail = PracticeVersionSummary.extend({ content: PracticeContent });
export type PracticeVersionDetail = z.infer<typeof PracticeVersionDetail>;

export const FieldChange = z.object({
  field: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  before: z.unknown(),
  after: z.unknown(),
});
export type FieldChange = z.infer<typeof FieldChange>;

export const PracticeVersionDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(FieldChange),
});
export type PracticeVersionDiff = z.infer<typeof PracticeVersionDiff>;

export const VersionDiffQuery = z.object({
  from: z.coerce.number({ error: 'from must be a version number' }).int().min(1, 'from starts at 1'),
  to: z.coerce.number({ error: 'to must be a version number' }).int().min(1, 'to starts at 1'),
});
export type VersionDiffQuery = z.infer<typeof VersionDiffQuery>;

// Key order inside JSON objects carries no meaning; compare sorted forms.
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** What changed between two versions of a practice, field by field, for editors and reviewers. */
export function diffPracticeContent(before: PracticeContent, after: PracticeContent): FieldChange[] {
  const fields = [
    ...new Set([...Object.keys(before), ...Object.keys(after)]),
  ].sort() as (keyof PracticeContent)[];
  return fields.flatMap((field): FieldChange[] => {
    const a = before[field];
    const b = after[field];
    if (canonical(a) === canonical(b)) return [];
    const kind = isEmpty(a) ? 'added' : isEmpty(b) ? 'removed' : 'changed';
    return [{ field, kind, before: a ?? null, after: b ?? null }];
  });
}
