import { PracticeAttachmentList, PracticeVersionList } from '@pathways/contracts';
import { ApiFailure } from '$lib/server/api-failure';
import { loadFailure } from '$lib/server/failures';
import type { LayoutServerLoad } from './$types';

/**
 * What the practice's pages share besides the practice itself: its attachments, and (for people
 * signed in: authors, editors, reviewers) its versions. A practice the caller may not see is left to
 * each page's own load, which answers 404 or sends anonymous visitors to log in.
 */
export const load: LayoutServerLoad = async ({ locals, params }) => {
  const id = params.id;
  try {
    const [attachments, versions] = await Promise.all([
      locals.api.get(`/api/practices/${id}/attachments`, PracticeAttachmentList),
      locals.user ? locals.api.get(`/api/practices/${id}/versions`, PracticeVersionList) : null,
    ]);
    return { attachments: attachments.items, versions: versions?.items ?? [] };
  } catch (cause) {
    if (cause instanceof ApiFailure && cause.status >= 400 && cause.status < 500) {
      return { attachments: [], versions: [] };
    }
    loadFailure(cause);
  }
};
