import type { PracticeContent } from '../practice';

/**
 * A practice that satisfies every field required for submission (missingForSubmission), for tests
 * across the workspace; spread it and override what a test is about.
 */
export const completePracticeContent = {
  title: 'Pre-departure orientation by returnee women',
  summary: 'Returnees train departing domestic workers on their rights.',
  problem: 'Domestic workers leave without knowing their rights or where to turn.',
  description: 'A two-day course run in the origin country with the destination embassy.',
  themes: ['pre-departure-orientation'],
  stages: ['pre-departure'],
  countries: [
    { code: 'PH', role: 'origin' },
    { code: 'AE', role: 'destination' },
  ],
  targetGroups: ['domestic-workers'],
  outcomes: 'Fewer contract substitutions reported.',
  indicators: [{ indicator: 'People trained', women: 1200, men: 40, unit: 'people', year: 2024 }],
  language: 'en',
  licence: 'CC-BY-4.0',
} satisfies PracticeContent;
