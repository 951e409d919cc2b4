import type { EntityManager } from '@mikro-orm/postgresql';
import type { LibraryGenerationState } from '@pathways/persistence';
import { describe, expect, it } from 'vitest';
import { LibraryGeneration } from './library-generation';

/** Reads that answer when the test says, with the generation as it was when they started. */
class HeldReads extends LibraryGeneration {
  generation = 0;
  readonly pending: (() => void)[] = [];

  constructor() {
    super({} as EntityManager);
  }

  protected override read(): Promise<LibraryGenerationState> {
    const seen = String(this.generation);
    return new Promise((resolve) =>
      this.pending.push(() => resolve({ generation: seen, changedAt: new Date(0) })),
    );
  }

  async answerNext(): Promise<void> {
    this.pending.shift()?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('LibraryGeneration', () => {
  it('never hands a caller a read that began before it asked', async () => {
    const library = new HeldReads();
    const early = library.current();
    library.generation += 1; // a publication commits while the first read is under way
    const late = [library.current(), library.current()];
    expect(library.pending).toHaveLength(1);
    await library.answerNext();
    // The callers who asked later share one new read, made after the first answered.
    expect(library.pending).toHaveLength(1);
    await library.answerNext();
    expect((await early).generation).toBe('0');
    expect((await Promise.all(late)).map((s) => s.generation)).toEqual(['1', '1']);
    // With nothing under way, a caller starts its own read.
    const next = library.current();
    expect(library.pending).toHaveLength(1);
    await library.answerNext();
    expect((await next).generation).toBe('1');
  });
});
