import { PracticePage } from '@pathways/contracts';
import { countryName } from '$lib/format';
import { getLocale } from '$lib/paraglide/runtime';
import { loadFailure } from '$lib/server/failures';
import { pageParam } from '$lib/server/query';
import type { PageServerLoad } from './$types';

const pageSize = 20;

/** Published practices, for everyone (the library with search comes later). */
export const load: PageServerLoad = async ({ locals, url }) => {
  const locale = getLocale();
  try {
    const list = await locals.api.get('/api/practices', PracticePage, {
      status: 'published',
      page: pageParam(url),
      pageSize,
    });
    return {
      list: {
        ...list,
        items: list.items.map((practice) => ({
          id: practice.id,
          title: practice.content.title ?? '',
          summary: practice.content.summary ?? '',
          organisationName: practice.organisationName,
          // A country may have several roles in one corridor; it is named once.
          countries: [...new Set((practice.content.countries ?? []).map((c) => c.code))].map((code) =>
            countryName(code, locale),
          ),
        })),
      },
    };
  } catch (cause) {
    loadFailure(cause);
  }
};
