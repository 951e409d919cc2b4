import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight';

const text = 'Domestic workers send remittances home';

describe('highlightSegments', () => {
  it('gives the text as one plain run when nothing is marked', () => {
    expect(highlightSegments({ text, marks: [] })).toEqual([{ text, marked: false }]);
  });

  it('marks the given ranges and keeps the text between them', () => {
    expect(
      highlightSegments({
        text,
        marks: [
          [0, 8],
          [22, 33],
        ],
      }),
    ).toEqual([
      { text: 'Domestic', marked: true },
      { text: ' workers send ', marked: false },
      { text: 'remittances', marked: true },
      { text: ' home', marked: false },
    ]);
  });

  it('takes the ranges in any order', () => {
    expect(
      highlightSegments({
        text,
        marks: [
          [34, 38],
          [9, 16],
        ],
      }).filter((s) => s.marked),
    ).toEqual([
      { text: 'workers', marked: true },
      { text: 'home', marked: true },
    ]);
  });

  it('merges overlapping and touching ranges, so no character is shown twice', () => {
    const segments = highlightSegments({
      text,
      marks: [
        [0, 5],
        [3, 8],
        [8, 16],
        [10, 12],
      ],
    });
    expect(segments).toEqual([
      { text: 'Domestic workers', marked: true },
      { text: ' send remittances home', marked: false },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('clips ranges that run past either end and drops those wholly outside', () => {
    expect(
      highlightSegments({
        text,
        marks: [
          [-4, 3],
          [34, 99],
          [120, 130],
          [-9, -1],
        ],
      }),
    ).toEqual([
      { text: 'Dom', marked: true },
      { text: 'estic workers send remittances ', marked: false },
      { text: 'home', marked: true },
    ]);
  });

  it('drops empty and inverted ranges', () => {
    expect(
      highlightSegments({
        text: 'abc',
        marks: [
          [1, 1],
          [2, 0],
        ],
      }),
    ).toEqual([{ text: 'abc', marked: false }]);
  });

  it('gives nothing for empty text', () => {
    expect(highlightSegments({ text: '', marks: [[0, 3]] })).toEqual([]);
  });
});
