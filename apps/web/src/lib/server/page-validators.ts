import { createHash } from 'node:crypto';
import { version as build } from '$app/environment';
import type { Locale } from '$lib/paraglide/runtime';
import { taxonomyVersion } from './taxonomy';

/** What a library page is made of, besides its address. */
export interface PageSources {
  /** The API's ETag (or another version) of the library data the page shows. */
  upstream: string;
  /** When that data last changed, as the API said (an HTTP date or ISO time). */
  lastModified: string | null;
  locale: Locale;
  /**
   * What the header shows the reader (who they are, their memberships and rules, their unread
   * notifications), or null for a visitor: a change to any of it is a new page.
   */
  reader: unknown;
  /** The address, query included. */
  address: URL;
}

/**
 * ETag and Last-Modified of a server-rendered library page: the API's version of the data plus all
 * else the HTML depends on (language, reader, taxonomy labels, this build of the web app), so a 304
 * is never a page in another language, of another reader or of an older release. SvelteKit answers
 * 304 itself when If-None-Match equals this ETag. The header shows who is signed in, so only the
 * browser may keep a copy (`private`), and it asks again each time.
 */
export function pageValidators(sources: PageSources): Record<string, string> {
  const tag = createHash('sha256')
    .update(
      [
        sources.upstream,
        sources.address.pathname + sources.address.search,
        sources.locale,
        sources.reader === null ? '-' : JSON.stringify(sources.reader),
        taxonomyVersion(),
        build,
      ].join('\n'),
    )
    .digest('base64url')
    .slice(0, 27);
  const headers: Record<string, string> = {
    etag: `"${tag}"`,
    'cache-control': 'private, no-cache',
    vary: 'Cookie',
  };
  const modified = sources.lastModified ? new Date(sources.lastModified) : null;
  if (modified && !Number.isNaN(modified.getTime())) headers['last-modified'] = modified.toUTCString();
  return headers;
}

/** What the layout shows of the reader; null for a visitor. */
export const readerOf = (layout: {
  user: unknown;
  memberships: unknown;
  rules: unknown;
  unreadNotifications: unknown;
}): unknown =>
  layout.user === null ? null : [layout.user, layout.memberships, layout.rules, layout.unreadNotifications];
