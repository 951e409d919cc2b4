import { describe, expect, it } from 'vitest';
import { highlighted, markStart as s, markStop as e } from './highlight';

describe('highlighted', () => {
  it('returns the plain text and the ranges of the marked words', () => {
    const result = highlighted(`Las ${s}trabajadoras${e} ${s}domésticas${e} envían remesas`);
    expect(result.text).toBe('Las trabajadoras domésticas envían remesas');
    expect(result.marks.map(([a, b]) => result.text.slice(a, b))).toEqual(['trabajadoras', 'domésticas']);
  });

  it('joins the parts of a hyphenated word and counts offsets in UTF-16 units', () => {
    const result = highlighted(`🌍 ${s}Pre${e}-${s}departure${e} orientation`);
    expect(result.marks).toEqual([[3, 16]]);
    expect(result.text.slice(3, 16)).toBe('Pre-departure');
  });

  it('leaves text without markers unmarked', () => {
    expect(highlighted('No match here')).toEqual({ text: 'No match here', marks: [] });
  });
});
