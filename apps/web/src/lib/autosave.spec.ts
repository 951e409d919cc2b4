import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, type SaveOutcome } from './autosave.svelte';

/** A form whose content is one string, and a save whose answers the test hands out one by one. */
function harness(delayMs = 2000) {
  let content = 'a';
  const sent: string[] = [];
  const answers: ((outcome: SaveOutcome) => void)[] = [];
  const autosave = new Autosave({
    delayMs,
    snapshot: () => {
      const body = new FormData();
      body.set('text', content);
      return { key: content, body };
    },
    save: (body) => {
      sent.push(String(body.get('text')));
      return new Promise<SaveOutcome>((resolve) => answers.push(resolve));
    },
  });
  return {
    autosave,
    sent,
    type: (value: string) => {
      content = value;
      autosave.changed();
    },
    answer: async (outcome: SaveOutcome) => {
      answers.shift()?.(outcome);
      await vi.runAllTimersAsync();
    },
  };
}

describe('Autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once the typing pauses, not at every keystroke', async () => {
    const h = harness();
    h.type('ab');
    await vi.advanceTimersByTimeAsync(1500);
    h.type('abc');
    await vi.advanceTimersByTimeAsync(1500);
    expect(h.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(600);
    expect(h.sent).toEqual(['abc']);
    expect(h.autosave.status.kind).toBe('saving');
    await h.answer({ ok: true, version: 7 });
    expect(h.autosave.version).toBe(7);
    expect(h.autosave.status.kind).toBe('saved');
  });

  it('sends nothing when the content is what was saved', async () => {
    const h = harness();
    h.autosave.savedAs('a');
    h.type('a');
    await vi.runAllTimersAsync();
    expect(h.sent).toEqual([]);
    expect(h.autosave.status.kind).toBe('idle');
  });

  it('saves a change made during a save right after it, with the new version', async () => {
    const h = harness();
    h.type('b');
    await vi.advanceTimersByTimeAsync(2000);
    h.type('bc');
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.sent).toEqual(['b']);
    await h.answer({ ok: true, version: 2 });
    expect(h.sent).toEqual(['b', 'bc']);
    expect(h.autosave.version).toBe(2);
    await h.answer({ ok: true, version: 3 });
    expect(h.autosave.version).toBe(3);
  });

  it('says why a save failed and tries again at the next change', async () => {
    const h = harness();
    h.type('x');
    await vi.advanceTimersByTimeAsync(2000);
    await h.answer({ ok: false, conflict: false, message: 'Enter a number.' });
    expect(h.autosave.status).toEqual({ kind: 'failed', message: 'Enter a number.' });
    h.type('x');
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.sent).toEqual(['x', 'x']);
  });

  it('stops after a conflict until the form has the latest version', async () => {
    const h = harness();
    h.type('mine');
    await vi.advanceTimersByTimeAsync(2000);
    await h.answer({ ok: false, conflict: true, message: 'stale' });
    expect(h.autosave.status.kind).toBe('conflict');
    h.type('mine, more');
    await vi.runAllTimersAsync();
    expect(h.sent).toEqual(['mine']);

    h.autosave.resume();
    h.type('mine, more');
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.sent).toEqual(['mine', 'mine, more']);
  });

  it('lets a save with the button wait for the autosave already sent, and drops the one planned', async () => {
    const h = harness();
    h.type('b');
    await vi.advanceTimersByTimeAsync(2000);
    h.type('bc');
    await vi.advanceTimersByTimeAsync(2000);
    let settled = false;
    const settling = h.autosave.settle().then(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await h.answer({ ok: true, version: 5 });
    await settling;
    expect(h.autosave.version).toBe(5);
    // The change typed during that save goes with the button's save, not as another autosave.
    expect(h.sent).toEqual(['b']);
  });

  it('saves now, after the save already sent, when the page is about to reload its data', async () => {
    const h = harness();
    h.type('b');
    await vi.advanceTimersByTimeAsync(2000);
    h.type('bc');
    const saving = h.autosave.saveNow();
    await h.answer({ ok: true, version: 2 });
    expect(h.sent).toEqual(['b', 'bc']);
    await h.answer({ ok: true, version: 3 });
    await saving;
    expect(h.autosave.version).toBe(3);
  });

  it('reports a save that threw (e.g. the network) as a failure', async () => {
    const autosave = new Autosave({
      delayMs: 10,
      snapshot: () => ({ key: 'k', body: new FormData() }),
      save: () => Promise.reject(new Error('Failed to fetch')),
    });
    await autosave.flush();
    expect(autosave.status).toEqual({ kind: 'failed', message: 'Failed to fetch' });
  });
});
