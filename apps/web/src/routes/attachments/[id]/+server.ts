import { downloadAttachment } from '$lib/server/attachment-download';
import type { RequestHandler } from './$types';

const clientAddress = (getClientAddress: () => string): string | undefined => {
  try {
    return getClientAddress();
  } catch {
    return undefined;
  }
};

/** An attachment's file, fetched from the API as the visitor (anyone who may read its practice). */
export const GET: RequestHandler = ({ params, locals, request, getClientAddress }) =>
  downloadAttachment({
    fetchFn: fetch,
    id: params.id,
    token: locals.token,
    ifNoneMatch: request.headers.get('if-none-match'),
    clientAddress: clientAddress(getClientAddress),
  });
