import { describe, expect, it } from 'vitest';
import { PracticeContent, seedTaxonomy } from '@pathways/contracts';
import { generatePractice } from './generator';

describe('the bench generator', () => {
  it('generates the same practice for the same index, whatever was generated before', () => {
    const first = generatePractice(41, 10_000);
    generatePractice(7, 10_000);
    expect(generatePractice(41, 10_000)).toEqual(first);
    expect(generatePractice(42, 10_000).id).not.toBe(first.id);
  });

  it('writes content a submission could hold, with taxonomy codes only, in the three languages', () => {
    const codes = new Set(seedTaxonomy.map((t) => t.code));
    const practices = Array.from({ length: 200 }, (_, i) => generatePractice(i, 10_000));
    for (const p of practices) {
      for (const v of p.versions) {
        expect(PracticeContent.safeParse(v.content).success).toBe(true);
        for (const code of [...v.content.themes!, ...v.content.stages!, ...v.content.targetGroups!])
          expect(codes.has(code)).toBe(true);
      }
      expect(p.events.filter((e) => e.toState === 'published').map((e) => e.payload.versionNumber)).toEqual(
        p.versions.map((v) => v.number),
      );
    }
    expect(new Set(practices.map((p) => p.versions[0].content.language))).toEqual(
      new Set(['en', 'es', 'fr']),
    );
  });
});
