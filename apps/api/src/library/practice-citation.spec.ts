import type { LibraryPractice } from '@pathways/contracts';
import { describe, expect, it } from 'vitest';
import { citation, cslItem } from './practice-citation';

const practice: LibraryPractice = {
  id: '3e28357a-a73a-4f51-9d53-1c2324aa941c',
  slug: 'care-chains-1a2b3c4d',
  versionNumber: 3,
  latestVersionNumber: 3,
  publishedAt: '2025-12-31T23:30:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  language: 'fr',
  content: { title: 'Chaînes de soins', summary: 'Résumé' },
  organisation: { name: 'Fonds 50% {Femmes} #1 & Co_op', kind: 'civil_society', country: 'SN' },
  changes: [],
  versions: [],
  retraction: null,
};
const url = 'https://pathways.example/library/practices/care-chains-1a2b3c4d/versions/3';

describe('practice citations', () => {
  it('describes the version in CSL terms, dated in UTC and marked when retracted', () => {
    expect(cslItem({ practice, url })).toEqual({
      id: 'care-chains-1a2b3c4d-v3',
      'citation-key': 'pathways_care_chains_1a2b3c4d_v3',
      type: 'report',
      genre: 'Good practice',
      title: 'Chaînes de soins',
      author: [{ literal: practice.organisation.name }],
      issued: { 'date-parts': [[2025, 12, 31]] },
      publisher: 'Pathways',
      version: '3',
      language: 'fr',
      URL: url,
      abstract: 'Résumé',
    });
    const retracted = { ...practice, retraction: { retractedAt: practice.updatedAt, notice: null } };
    expect(cslItem({ practice: retracted, url }).status).toBe('retracted');
    expect(cslItem({ practice: { ...practice, content: {} }, url }).title).toBe(practice.slug);
  });

  it('escapes what LaTeX would read as commands in the organisation’s name', () => {
    const { body } = citation({ practice, url }, 'bibtex', 'en');
    expect(body).toContain('author = {{Fonds 50\\% \\{Femmes\\} \\#1 \\& Co\\_op}}');
    expect(body).toContain('@techreport{pathways_care_chains_1a2b3c4d_v3,');
  });

  it('writes CSL-JSON as an array of one item', () => {
    const { body, contentType } = citation({ practice, url }, 'csl', 'es');
    expect(contentType).toBe('application/vnd.citationstyles.csl+json; charset=utf-8');
    expect(JSON.parse(body)).toEqual([cslItem({ practice, url })]);
  });
});
