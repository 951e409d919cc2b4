import { OrganisationPage } from '@pathways/contracts';
import { getLocale } from '$lib/paraglide/runtime';
import { loadFailure } from '$lib/server/failures';
import { requireUser } from '$lib/server/guard';
import { requestToJoin } from '$lib/server/join';
import { pageParam, searchParam } from '$lib/server/query';
import { vocabularyOptions } from '$lib/server/taxonomy';
import type { Actions, PageServerLoad } from './$types';

const directoryPageSize = 10;
const minePageSize = 20;

export const load: PageServerLoad = async ({ locals, url }) => {
  const q = searchParam(url);
  try {
    const [mine, directory, kinds] = await Promise.all([
      locals.user
        ? locals.api.get('/api/organisations', OrganisationPage, {
            mine: 'true',
            page: pageParam(url, 'minePage'),
            pageSize: minePageSize,
          })
        : null,
      locals.api.get('/api/organisations', OrganisationPage, {
        status: 'verified',
        q,
        page: pageParam(url),
        pageSize: directoryPageSize,
      }),
      vocabularyOptions(locals.api, 'organisation_kind', getLocale()),
    ]);
    return { mine, directory, q, kinds: Object.fromEntries(kinds.map((kind) => [kind.value, kind.label])) };
  } catch (cause) {
    loadFailure(cause);
  }
};

export const actions: Actions = {
  join: async ({ request, locals, url }) => {
    requireUser(locals, url);
    return requestToJoin(locals, await request.formData());
  },
};
