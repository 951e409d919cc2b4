import type { LibraryPractice } from '@pathways/contracts';
import { describe, expect, it } from 'vitest';
import { jsonForScript, practiceJsonLd } from './structured-data';

const practice: LibraryPractice = {
  id: '3e28357a-a73a-4f51-9d53-1c2324aa941c',
  slug: 'remesas-1a2b3c4d',
  versionNumber: 2,
  latestVersionNumber: 2,
  publishedAt: '2026-01-15T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
  language: 'es',
  content: {
    title: 'Remesas </script><script>alert(1)</script>',
    summary: 'Ahorro seguro.',
    themes: ['remittances-investment'],
    countries: [{ code: 'MX', role: 'origin' }],
    partners: ['Cooperativa Juntas'],
    language: 'es',
    licence: 'CC-BY-4.0',
  },
  organisation: { name: 'Kanlungan Centre', kind: 'civil_society', country: 'PH' },
  changes: [],
  versions: [],
  retraction: null,
};
const url = 'https://pathways.example/library/practices/remesas-1a2b3c4d/versions/2';
const practiceUrl = 'https://pathways.example/library/practices/remesas-1a2b3c4d';

describe('practiceJsonLd', () => {
  it('describes the published version in schema.org terms', () => {
    const ld = practiceJsonLd(practice, url, practiceUrl, { 'remittances-investment': 'Remittances' });
    expect(ld).toMatchObject({
      '@type': 'CreativeWork',
      '@id': url,
      mainEntityOfPage: practiceUrl,
      name: practice.content.title,
      inLanguage: 'es',
      license: 'https://spdx.org/licenses/CC-BY-4.0.html',
      version: '2',
      datePublished: '2026-01-15T00:00:00.000Z',
      creativeWorkStatus: 'Published',
      author: { '@type': 'Organization', name: 'Kanlungan Centre' },
      contributor: [{ '@type': 'Organization', name: 'Cooperativa Juntas' }],
      keywords: 'Remittances',
      spatialCoverage: [{ '@type': 'Country', identifier: 'MX' }],
    });
    const retracted = { ...practice, retraction: { retractedAt: practice.updatedAt, notice: null } };
    expect(practiceJsonLd(retracted, url, practiceUrl, {}).creativeWorkStatus).toBe('Retracted');
  });

  it('writes JSON that cannot end the script element it sits in, and still parses back', () => {
    const text = jsonForScript(practiceJsonLd(practice, url, practiceUrl, {}));
    expect(text).not.toContain('</script>');
    expect(text).not.toContain('<');
    expect(JSON.parse(text).name).toBe(practice.content.title);
  });
});
