import { m } from '$lib/paraglide/messages';
import type { OrganisationField } from '$lib/organisation-fields';
import type { FieldMessages } from './failures';

/** The country select offers "none" for international bodies; an untouched select is an error. */
export const noCountry = 'none';

export const organisationFieldMessages: FieldMessages = {
  name: m.field_organisation_name_invalid,
  kind: m.field_kind_invalid,
  country: m.field_country_invalid,
  website: m.field_website_invalid,
};

/** Form text to API input, for the given fields only; empty website means none. */
export function organisationInput(
  values: Record<OrganisationField, string>,
  fields: readonly OrganisationField[],
) {
  const input: Record<string, string | null> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field];
    if (field === 'country') {
      if (value === '') errors.country = m.field_country_required();
      input.country = value === noCountry || value === '' ? null : value;
    } else if (field === 'website') {
      input.website = value === '' ? null : value;
    } else {
      input[field] = value;
    }
  }
  return { input, errors };
}
