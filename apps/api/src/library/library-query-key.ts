/**
 * A query as a stable text: keys in order, repeated values sorted and once each, words trimmed, so
 * that addresses asking the same thing share one cache entry and one ETag.
 */
export function libraryQueryKey(query: object): string {
  const entries = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([name, value]): [string, unknown] => {
      if (Array.isArray(value)) return [name, [...new Set(value.map(String))].sort()];
      return [name, typeof value === 'string' ? value.trim() : value];
    })
    .filter(([, value]) => value !== '' && !(Array.isArray(value) && value.length === 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}
