import { describe, expect, it } from 'vitest';
import { diffPracticeContent } from './practice-version';

describe('diffPracticeContent', () => {
  it('lists added, removed and changed fields, ignoring key order', () => {
    const before = {
      title: 'Orientation',
      summary: 'Old',
      themes: ['care-economy'],
      period: { start: '2020-01-01', end: '2021-01-01' },
    };
    const after = {
      title: 'Orientation',
      lessons: 'New lessons',
      themes: ['care-economy', 'social-protection'],
      period: { end: '2021-01-01', start: '2020-01-01' },
    };
    expect(diffPracticeContent(before as never, after as never)).toEqual([
      { field: 'lessons', kind: 'added', before: null, after: 'New lessons' },
      { field: 'summary', kind: 'removed', before: 'Old', after: null },
      {
        field: 'themes',
        kind: 'changed',
        before: ['care-economy'],
        after: ['care-economy', 'social-protection'],
      },
    ]);
  });

  it('finds nothing between identical versions', () => {
    const content = { title: 'Same', indicators: [{ indicator: 'Trained', women: 10, men: 2 }] };
    expect(diffPracticeContent(content as never, structuredClone(content) as never)).toEqual([]);
  });
});
