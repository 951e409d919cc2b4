import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fresh from 'fresh';
import type { LibraryGenerationState } from '@pathways/persistence';

/** Bump when what a representation holds changes shape, so caches do not keep the old one. */
const representationVersion = '1';

/** For the OpenAPI document of routes that answer conditional requests. */
export const notModifiedResponse = {
  status: 304,
  description: 'The copy named by If-None-Match or If-Modified-Since is current.',
};

/** What identifies one representation of a library resource as of one refresh of the read model. */
export interface Validators {
  /** The read model row's refresh time, to the microsecond, as PostgreSQL wrote it. */
  refreshed: string;
  updatedAt: Date;
  /** Which representation: the practice, a version, a citation format… */
  representation: string;
}

export const entityTag = ({ refreshed, representation }: Validators): string =>
  `"${createHash('sha256')
    .update(`${representationVersion}\n${representation}\n${refreshed}`)
    .digest('base64url')
    .slice(0, 27)}"`;

/**
 * Validators of an answer drawn from the whole library (a search, an export, a feed, a harvest):
 * it changes exactly when the library's generation does, which every publication moves.
 */
export const libraryValidators = (state: LibraryGenerationState, representation: string): Validators => ({
  refreshed: `generation ${state.generation}`,
  updatedAt: state.changedAt,
  representation,
});

/**
 * Sets ETag and Last-Modified, and says whether the caller's copy is still good (If-None-Match, or
 * If-Modified-Since without it): the caller then answers 304 with no body. Browsers and the web's
 * server must check again each time (`no-cache`), which costs them a 304 at most.
 */
export function isNotModified(request: FastifyRequest, reply: FastifyReply, validators: Validators): boolean {
  const headers = {
    etag: entityTag(validators),
    'last-modified': validators.updatedAt.toUTCString(),
  };
  void reply.headers({ ...headers, 'cache-control': 'public, no-cache' });
  // Conditions on other methods ask for something else (412), which no route here offers.
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  return fresh(request.headers, headers);
}
