import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from './domain-error';

/** Flushes, turning a unique-index violation into a 409 that says what already exists. */
export async function flushUnique(em: EntityManager, duplicateMessage: string): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict('DUPLICATE', duplicateMessage);
    throw error;
  }
}
