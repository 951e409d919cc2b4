import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { type LibraryGenerationState, readLibraryGeneration } from '@pathways/persistence';

/**
 * The library's generation as the database has it now. Every API replica asks the one row, so a
 * publication committed before a request arrived is seen by that request, whichever replica serves
 * it. Concurrent callers share a read only when it started after they asked: one that was already
 * under way may have been answered before the publication committed.
 */
@Injectable()
export class LibraryGeneration {
  private running: Promise<LibraryGenerationState> | null = null;
  private queued: Promise<LibraryGenerationState> | null = null;

  constructor(private readonly em: EntityManager) {}

  current(): Promise<LibraryGenerationState> {
    if (!this.running) return this.start();
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.running ?? this.start();
      });
    return this.queued;
  }

  /** One look at the row. */
  protected read(): Promise<LibraryGenerationState> {
    return readLibraryGeneration(this.em);
  }

  private start(): Promise<LibraryGenerationState> {
    const read = this.read().finally(() => {
      if (this.running === read) this.running = null;
    });
    this.running = read;
    return read;
  }
}
