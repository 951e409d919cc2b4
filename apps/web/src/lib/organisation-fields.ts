import type { Organisation } from '@pathways/contracts';
import { asSubject, permittedFieldsOf, type AppAbility } from '@pathways/permissions';

export const organisationFields = ['name', 'kind', 'country', 'website'] as const;
export type OrganisationField = (typeof organisationFields)[number];

const isOrganisationField = (field: string): field is OrganisationField =>
  (organisationFields as readonly string[]).includes(field);

export const organisationSubject = (organisation: Organisation) =>
  asSubject('Organisation', {
    id: organisation.id,
    status: organisation.status,
    kind: organisation.kind,
    country: organisation.country,
  });

/** The fields the user may change on this organisation, from the CASL field rules. */
export function editableFields(ability: AppAbility, organisation: Organisation): OrganisationField[] {
  return permittedFieldsOf(ability, 'update', organisationSubject(organisation), {
    fieldsFrom: (rule) => rule.fields ?? [...organisationFields],
  }).filter(isOrganisationField);
}
