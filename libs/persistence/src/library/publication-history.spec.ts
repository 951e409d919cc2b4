import { describe, expect, it } from 'vitest';
import { type PublicationEvent, publicationHistory } from './publication-history';

const at = (day: number) => new Date(Date.UTC(2025, 0, day));
const publish = (sequence: number, versionNumber: number | undefined, day = sequence): PublicationEvent => ({
  sequence,
  toState: 'published',
  createdAt: at(day),
  payload: versionNumber === undefined ? null : { versionNumber },
});
const retract = (sequence: number, comment?: string): PublicationEvent => ({
  sequence,
  toState: 'retracted',
  createdAt: at(sequence),
  payload: { versionNumber: 1, ...(comment === undefined ? {} : { comment }) },
});

describe('publicationHistory', () => {
  it('is null for a practice never published', () => {
    expect(publicationHistory([])).toBeNull();
    expect(publicationHistory([retract(1)])).toBeNull();
  });

  it('lists the version of the latest publication, in log order whatever order the rows came in', () => {
    const history = publicationHistory([publish(7, 2), publish(3, 1)]);
    expect(history).toEqual({
      listed: { number: 2, publishedAt: at(7), sequence: 7 },
      versions: [
        { number: 1, publishedAt: at(3) },
        { number: 2, publishedAt: at(7) },
      ],
      retraction: null,
    });
  });

  it('keeps listing the published version, from its first publication, when a revision returns to it', () => {
    const withdrawn: PublicationEvent = {
      sequence: 9,
      toState: 'published',
      createdAt: at(9),
      payload: { versionNumber: 1, revisionNumber: 2 },
    };
    expect(publicationHistory([publish(3, 1), withdrawn])).toEqual({
      listed: { number: 1, publishedAt: at(3), sequence: 9 },
      versions: [{ number: 1, publishedAt: at(3) }],
      retraction: null,
    });
  });

  it('is retracted only by a retraction after the latest publication, with its comment as the notice', () => {
    expect(publicationHistory([publish(1, 1), retract(2, '  Data withdrawn.  ')])?.retraction).toEqual({
      at: at(2),
      notice: 'Data withdrawn.',
    });
    expect(publicationHistory([publish(1, 1), retract(2, '   ')])?.retraction).toEqual({
      at: at(2),
      notice: null,
    });
    // Published again after a retraction: listed, not retracted.
    expect(publicationHistory([publish(1, 1), retract(2, 'x'), publish(3, 2)])?.retraction).toBeNull();
  });

  it('dates a version by its first publication and passes over publications that name no version', () => {
    const history = publicationHistory([publish(1, 1), publish(2, 2), publish(3, 1), publish(4, undefined)]);
    expect(history?.listed).toEqual({ number: 1, publishedAt: at(3), sequence: 3 });
    expect(history?.versions).toEqual([
      { number: 1, publishedAt: at(1) },
      { number: 2, publishedAt: at(2) },
    ]);
  });
});
