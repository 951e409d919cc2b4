import type { Practice } from '@pathways/contracts';
import { describe, expect, it } from 'vitest';
import { jsonForScript, practiceJsonLd } from './structured-data';

const practice = {
  id: '3e28357a-a73a-4f51-9d53-1c2324aa941c',
  slug: 'remesas',
  organisationId: null,
  organisationName: 'Kanlungan Centre',
  authorHidden: false,
  status: 'published',
  versionNumber: 2,
  content: {
    title: 'Remesas </script><script>alert(1)</script>',
    summary: 'Ahorro seguro.',
    themes: ['remittances-investment'],
    countries: [{ code: 'MX', role: 'origin' }],
    language: 'es',
    licence: 'CC-BY-4.0',
  },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
  version: 7,
} as Practice;

describe('practiceJsonLd', () => {
  it('describes the published practice in schema.org terms', () => {
    const ld = practiceJsonLd(practice, 'https://pathways.example/practices/x', {
      'remittances-investment': 'Remittances',
    });
    expect(ld).toMatchObject({
      '@type': 'CreativeWork',
      name: practice.content.title,
      inLanguage: 'es',
      license: 'https://spdx.org/licenses/CC-BY-4.0.html',
      version: '2',
      author: { '@type': 'Organization', name: 'Kanlungan Centre' },
      keywords: 'Remittances',
      spatialCoverage: [{ '@type': 'Country', identifier: 'MX' }],
    });
  });

  it('writes JSON that cannot end the script element it sits in, and still parses back', () => {
    const text = jsonForScript(practiceJsonLd(practice, 'https://pathways.example/p', {}));
    expect(text).not.toContain('</script>');
    expect(text).not.toContain('<');
    expect(JSON.parse(text).name).toBe(practice.content.title);
  });
});
