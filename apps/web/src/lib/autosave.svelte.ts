/** What the autosave tells the user, through a polite live region. */
export type AutosaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; /** When, in milliseconds since the epoch. */ at: number }
  | { kind: 'failed'; message: string }
  /** Someone else saved meanwhile: saving stops until the form has the latest version. */
  | { kind: 'conflict' };

export type SaveOutcome = { ok: true; version: number } | { ok: false; conflict: boolean; message: string };

export interface Snapshot {
  /** The form's content without the version, to tell whether anything changed since the last save. */
  key: string;
  body: FormData;
}

export interface AutosaveOptions {
  delayMs: number;
  /** The form as it is now, or null when there is no form to save. */
  snapshot: () => Snapshot | null;
  save: (body: FormData) => Promise<SaveOutcome>;
}

/**
 * Saves a draft a moment after the user stops typing: one save at a time, a change made during a
 * save is saved after it, nothing is sent when nothing changed, and a conflict stops saving.
 */
export class Autosave {
  status: AutosaveStatus = $state({ kind: 'idle' });
  /** True once the page runs in the browser; without JavaScript the form's button saves. */
  active = $state(false);
  /**
   * The optimistic version the last autosave got back (0 before any). Versions only grow, so the
   * form sends the highest it knows: a page reload that raced a save cannot take it back.
   */
  version = $state(0);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private lastSaved: string | null = null;

  constructor(private readonly options: AutosaveOptions) {}

  /** In the browser, with the content as loaded (already saved). */
  start(key: string | null): void {
    this.active = true;
    this.lastSaved = key;
  }

  /** The content already saved (e.g. after a save with the button). */
  savedAs(key: string | null): void {
    this.lastSaved = key;
  }

  /** Call on every change; saving waits until the changes pause. */
  changed(): void {
    if (this.status.kind === 'conflict') return;
    this.cancel();
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs);
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Before a save with the button: nothing more is scheduled, and a save already sent has answered,
   * so the button's save carries the version that save got back.
   */
  async settle(): Promise<void> {
    this.cancel();
    this.again = false;
    while (this.running) await this.running;
  }

  /** Saves what the form holds now, after any save already sent (e.g. before the page reloads its data). */
  async saveNow(): Promise<void> {
    await this.settle();
    await this.flush();
  }

  /** After the form was given the latest version: saving may go on. */
  resume(): void {
    this.lastSaved = null;
    this.status = { kind: 'idle' };
  }

  /** Saves now unless nothing changed; while a save runs, another follows it. */
  async flush(): Promise<void> {
    this.cancel();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run();
    try {
      await this.running;
    } finally {
      this.running = null;
    }
    if (this.again) {
      this.again = false;
      await this.flush();
    }
  }

  private async run(): Promise<void> {
    if (this.status.kind === 'conflict') return;
    const snapshot = this.options.snapshot();
    if (!snapshot || snapshot.key === this.lastSaved) return;
    this.status = { kind: 'saving' };
    let outcome: SaveOutcome;
    try {
      outcome = await this.options.save(snapshot.body);
    } catch (cause) {
      outcome = {
        ok: false,
        conflict: false,
        message: cause instanceof Error ? cause.message : String(cause),
      };
    }
    if (outcome.ok) {
      this.lastSaved = snapshot.key;
      this.version = Math.max(this.version, outcome.version);
      this.status = { kind: 'saved', at: Date.now() };
    } else if (outcome.conflict) {
      this.status = { kind: 'conflict' };
    } else {
      this.status = { kind: 'failed', message: outcome.message };
    }
  }
}
