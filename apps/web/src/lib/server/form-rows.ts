/** A posted text field, trimmed; empty when absent or a file. */
export const field = (data: FormData, name: string): string => {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** Row indices present in the form for a repeatable group, e.g. `indicators.3.women` → 3, in order. */
export function rowIndices(data: FormData, group: string): number[] {
  const pattern = new RegExp(`^${group}\\.(\\d{1,3})\\.`);
  const found = new Set<number>();
  for (const key of data.keys()) {
    const match = pattern.exec(key);
    if (match) found.add(Number(match[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** The rows of a repeatable group as posted (`group.N.key`), renumbered from 0. */
export function rows<K extends string>(
  data: FormData,
  group: string,
  keys: readonly K[],
): Record<K, string>[] {
  return rowIndices(data, group).map(
    (index) =>
      Object.fromEntries(keys.map((key) => [key, field(data, `${group}.${index}.${key}`)])) as Record<
        K,
        string
      >,
  );
}
