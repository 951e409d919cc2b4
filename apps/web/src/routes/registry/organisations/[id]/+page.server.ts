import { error } from '@sveltejs/kit';
import { RegistryOrganisation } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { loadFailure } from '$lib/server/failures';
import {
  partnerRoleLabels,
  pilotStatusLabels,
  registryLabels,
  reportingLabels,
} from '$lib/server/registry-labels';
import type { PageServerLoad } from './$types';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One organisation of the directory: its public pilots with its role, and its published practices. */
export const load: PageServerLoad = async ({ locals, params }) => {
  // Not an id the directory could hold: the page does not exist (rather than the API's 400).
  if (!uuid.test(params.id)) error(404, { message: m.error_not_found() });
  const locale = getLocale();
  const [organisation, label] = await Promise.all([
    locals.api.get(`/api/registry/organisations/${params.id}`, RegistryOrganisation).catch(loadFailure),
    registryLabels(locals.api, locale),
  ]);
  return {
    organisation: {
      name: organisation.name,
      kind: label.kind(organisation.kind),
      country: organisation.country ? label.country(organisation.country) : m.registry_international(),
      website: organisation.website,
      pilots: organisation.pilots.map((p) => ({
        slug: p.slug,
        title: p.title,
        role: partnerRoleLabels[p.role](),
        status: pilotStatusLabels[p.status](),
        reporting: p.reportingStatus,
        ended: p.status !== 'active',
        reportingLabel: reportingLabels[p.reportingStatus](),
      })),
      practices: organisation.practices,
    },
  };
};
