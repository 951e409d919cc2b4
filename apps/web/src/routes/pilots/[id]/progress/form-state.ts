/** What a refused form action of this page gives back (see `$lib/server/failures`). */
export interface Failure {
  target?: string;
  message?: string | null;
  code?: string | null;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  /** The input of a draft submitted or discarded meanwhile, handed to the new-draft form. */
  asNewDraft?: boolean;
}

/** A 409 or 404 means the page is out of date: it offers a reload next to the message. */
export const outdated = (code: string | null | undefined): boolean =>
  code === 'STALE_VERSION' || code === 'INVALID_STATE' || code === 'NOT_FOUND';
