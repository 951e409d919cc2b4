import { PracticePage, PracticeStatus } from '@pathways/contracts';
import { loadFailure } from '$lib/server/failures';
import { abilityOf, requireUser } from '$lib/server/guard';
import { organisationsActedFor } from '$lib/server/practice-organisations';
import { pageParam } from '$lib/server/query';
import type { PageServerLoad } from './$types';

const pageSize = 20;

export const load: PageServerLoad = async ({ locals, url }) => {
  requireUser(locals, url);
  const ability = abilityOf(locals);
  const editor = ability.can('start_screening', 'Practice');
  const list = (query: Record<string, string | number>) =>
    locals.api.get('/api/practices', PracticePage, { pageSize, ...query });
  try {
    // Editors also browse every submission, filtered by status (an unknown status means any).
    const status = PracticeStatus.safeParse(url.searchParams.get('status')).data ?? null;
    const [mine, submitted, screening, all] = await Promise.all([
      list({ mine: 'true', page: pageParam(url) }),
      editor ? list({ status: 'submitted', page: pageParam(url, 'submittedPage') }) : null,
      editor ? list({ status: 'screening', page: pageParam(url, 'screeningPage') }) : null,
      editor ? list({ ...(status ? { status } : {}), page: pageParam(url, 'allPage') }) : null,
    ]);
    return {
      mine,
      submitted,
      screening,
      all,
      status,
      canCreate: ability.can('create', 'Practice') && organisationsActedFor(locals).length > 0,
    };
  } catch (cause) {
    loadFailure(cause);
  }
};
