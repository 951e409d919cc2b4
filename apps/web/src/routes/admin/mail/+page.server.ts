import { EmailDelivery, pageOf } from '@pathways/contracts';
import { loadFailure } from '$lib/server/failures';
import { unlessMissing } from '$lib/server/optional';
import { pageParam, searchParam } from '$lib/server/query';
import { requireAbility } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

const pageSize = 20;
const EmailPage = pageOf(EmailDelivery);

export const load: PageServerLoad = async ({ locals, url }) => {
  requireAbility(locals, url, 'read', 'EmailDelivery');
  const to = searchParam(url, 'to');
  try {
    // Newest first (the API's order). Null while the API has no mail log route.
    const mail = await unlessMissing(
      locals.api.get('/api/admin/emails', EmailPage, { page: pageParam(url), pageSize, to }),
    );
    return { mail, to };
  } catch (cause) {
    loadFailure(cause);
  }
};
