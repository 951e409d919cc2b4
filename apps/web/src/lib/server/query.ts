/** A page number from the query string; anything odd falls back to the first page. */
export function pageParam(url: URL, name = 'page'): number {
  const page = Number(url.searchParams.get(name));
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

/** A search term from the query string, trimmed and bounded like the API's. */
export const searchParam = (url: URL, name = 'q'): string =>
  (url.searchParams.get(name) ?? '').trim().slice(0, 100);
