import type { EntityManager } from '@mikro-orm/postgresql';

/** Where the library's read model stands: a number that only goes up, and when it last moved. */
export interface LibraryGenerationState {
  /** A bigint, as text, so it survives JSON and never loses precision. */
  generation: string;
  changedAt: Date;
}

/**
 * Marks a change of the read model, inside the transaction that made it, so that whoever sees the
 * change also sees the new generation. The row lock makes concurrent changes take turns; the clock
 * (not the transaction's start) keeps `changed_at` from going back when they commit out of order.
 */
export async function bumpLibraryGeneration(tx: EntityManager): Promise<void> {
  await tx.execute(
    `update library_state set generation = generation + 1, changed_at = greatest(changed_at, clock_timestamp())`,
    [],
    'run',
  );
}

/** The generation as of now: one row by its primary key. */
export async function readLibraryGeneration(em: EntityManager): Promise<LibraryGenerationState> {
  const rows = await em
    .getKnex()
    .raw<{ rows: { generation: string; changed_at: Date }[] }>(
      `select generation::text as generation, changed_at from library_state where id`,
    );
  const row = rows.rows[0];
  if (!row) throw new Error('library_state has no row: run the migrations');
  return { generation: row.generation, changedAt: new Date(row.changed_at) };
}
