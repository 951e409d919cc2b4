import { permittedFieldsOf } from '@casl/ability/extra';
import type { AppAbility, SubjectShapes } from './ability';
import { asSubject } from './subject';

/**
 * The fields of a practice that read rules name. `organisation` stands for who submitted it (owner
 * organisation, the authors' own events, uploaders of attachments); `partners` for the content
 * that names the implementing and partner organisations. A rule without fields grants them all.
 */
export const practiceAuthorFields = ['organisation', 'partners'] as const;
export const practiceFields = ['id', 'slug', 'status', 'content', ...practiceAuthorFields] as const;
export type PracticeField = (typeof practiceFields)[number];

/** Everything but the author's identity: what a reviewer reads under double-blind review. */
export const practiceBlindFields: PracticeField[] = practiceFields.filter(
  (field) => !(practiceAuthorFields as readonly string[]).includes(field),
);

/**
 * Whether the ability withholds the author's identity of this practice (DESIGN §5: field-level
 * rules). Rules add up, so an editor who also reviews it still sees everything.
 */
export function authorHiddenFrom(ability: AppAbility, practice: SubjectShapes['Practice']): boolean {
  const fields = permittedFieldsOf(ability, 'read', asSubject('Practice', practice), {
    fieldsFrom: (rule) => rule.fields ?? [...practiceFields],
  });
  return practiceAuthorFields.some((field) => !fields.includes(field));
}
