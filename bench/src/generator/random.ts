import { createHash } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * A seeded random source per generated record: record n of a given seed is always the same, whatever
 * was generated before it, so a load can be streamed in batches and checked for determinism.
 */
export class Random {
  private readonly rng;

  constructor(seed: number, stream: number) {
    this.rng = xoroshiro128plus((Math.imul(seed, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b)) | 0);
  }

  /** An integer in [from, to]. */
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }

  chance(probability: number): boolean {
    return this.int(0, 9999) < probability * 10_000;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** Skewed towards the start of the list, as real collections are (many on a few themes). */
  skewed<T>(items: readonly T[]): T {
    const u = this.int(0, 9999) / 10_000;
    return items[Math.floor(u * u * items.length)];
  }

  /** `count` different items, skewed or uniform. */
  some<T>(items: readonly T[], count: number, skew = false): T[] {
    const chosen = new Set<T>();
    while (chosen.size < Math.min(count, items.length))
      chosen.add(skew ? this.skewed(items) : this.pick(items));
    return [...chosen];
  }
}

/** A stable UUID (version 4 layout) for a name. */
export function stableUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
