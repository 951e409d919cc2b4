import countries from 'i18n-iso-countries';
import {
  type Locale,
  organisationKinds,
  type PracticeContent,
  practiceLicences,
  seedTaxonomy,
  type Vocabulary,
} from '@pathways/contracts';
import * as bank from './phrases';
import { Random, stableUuid } from './random';

/** Bump when what is generated changes: the loader reloads a database made by another version. */
export const GENERATOR_VERSION = 1;
export const SEED = 20_261_202;

const codes = (vocabulary: Vocabulary) =>
  seedTaxonomy.filter((t) => t.vocabulary === vocabulary).map((t) => t.code);
const themes = codes('theme');
const stages = codes('stage');
const targetGroups = codes('target_group');
const frameworks = codes('framework');
const languages: Locale[] = ['en', 'en', 'en', 'en', 'en', 'es', 'es', 'es', 'fr', 'fr'];
const day = 86_400_000;
const epoch = Date.UTC(2016, 0, 1);

export interface GeneratedOrganisation {
  id: string;
  name: string;
  kind: (typeof organisationKinds)[number];
  country: string;
}

export interface GeneratedEvent {
  sequence: number;
  transition: string;
  fromState: string;
  toState: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export interface GeneratedPractice {
  id: string;
  slug: string;
  organisationId: string;
  status: 'published' | 'retracted';
  createdAt: Date;
  versions: { id: string; number: number; content: PracticeContent; createdAt: Date }[];
  events: GeneratedEvent[];
}

export const practiceId = (index: number) => stableUuid(`practice:${SEED}:${index}`);

export const organisationCount = (practices: number) => Math.max(20, Math.ceil(practices / 50));

export function generateOrganisation(index: number): GeneratedOrganisation {
  const r = new Random(SEED, -1 - index);
  const language = r.pick(languages);
  const country = r.pick([...bank.origins, ...bank.destinations]);
  const place = countries.getName(country, language) ?? country;
  return {
    id: stableUuid(`organisation:${SEED}:${index}`),
    name: `${r.pick(bank.organisationNames[language]).replace('{place}', place)} ${index + 1}`,
    kind: r.pick(organisationKinds),
    country,
  };
}

const fill = (template: string, words: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => words[key] ?? '');

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function paragraph(r: Random, language: Locale, words: Record<string, string>, count: number): string {
  return r
    .some(bank.sentences[language], count)
    .map((s) => fill(s, words))
    .join(' ');
}

function content(r: Random, language: Locale, index: number): PracticeContent {
  const chosenThemes = r.some(themes, r.int(1, 3), true);
  const origin = r.pick(bank.origins);
  const destination = r.pick(bank.destinations.filter((c) => c !== origin));
  const name = (code: string) => countries.getName(code, language) ?? code;
  const words = {
    action: r.pick(bank.themePhrases[chosenThemes[0]][language]),
    people: r.pick(bank.people[language]),
    origin: name(origin),
    destination: name(destination),
  };
  const listed = [
    { code: origin, role: 'origin' as const },
    { code: destination, role: 'destination' as const },
    ...(r.chance(0.2)
      ? [
          {
            code: r.pick(bank.transits.filter((c) => c !== origin && c !== destination)),
            role: 'transit' as const,
          },
        ]
      : []),
    ...(r.chance(0.3)
      ? [{ code: r.pick(bank.destinations.filter((c) => c !== destination)), role: 'destination' as const }]
      : []),
  ];
  const start = 2005 + r.int(0, 20);
  return {
    title: capitalised(fill(r.pick(bank.titles[language]), words)),
    summary: paragraph(r, language, words, 2),
    problem: paragraph(r, language, words, 3),
    description: `${capitalised(chosenThemes.map((t) => r.pick(bank.themePhrases[t][language])).join('; '))}. ${paragraph(r, language, words, 4)}`,
    themes: chosenThemes,
    stages: r.some(stages, r.int(1, 2)),
    countries: listed,
    targetGroups: r.some(targetGroups, r.int(1, 2), true),
    frameworks: r.some(frameworks, r.int(0, 2)),
    partners: r.chance(0.5) ? [`${generateOrganisation(r.int(0, 999)).name}`] : [],
    period: {
      start: `${start}-0${r.int(1, 9)}-01`,
      end: r.chance(0.5) ? `${start + r.int(1, 4)}-12-31` : null,
    },
    outcomes: paragraph(r, language, words, 2),
    indicators: r.some(bank.indicators[language], r.int(1, 4)).map((indicator) => ({
      indicator,
      women: r.int(10, 5000),
      men: r.int(0, 800),
      unit: 'people',
      year: Math.min(2025, start + r.int(0, 3)),
    })),
    evidence: paragraph(r, language, words, 1),
    lessons: paragraph(r, language, words, 2),
    replicability: paragraph(r, language, words, 1),
    sustainability: paragraph(r, language, words, 1),
    language,
    licence: r.pick(practiceLicences),
    // The index keeps titles distinct enough for slugs and sorting.
    resources: [{ label: `Report ${index + 1}`, url: `https://example.org/practices/${index + 1}` }],
  };
}

/** Practice n of a library of `size`: published in 1 to 3 versions, now and then retracted. */
export function generatePractice(index: number, size: number): GeneratedPractice {
  const r = new Random(SEED, index);
  const language = r.pick(languages);
  const id = practiceId(index);
  const createdAt = new Date(epoch + r.int(0, 3500) * day);
  const versionCount = r.chance(0.7) ? 1 : r.chance(0.66) ? 2 : 3;
  const first = content(r, language, index);
  const versions = [{ id: stableUuid(`version:${SEED}:${index}:1`), number: 1, content: first, createdAt }];
  for (let number = 2; number <= versionCount; number++) {
    const previous = versions[versions.length - 1].content;
    const changed: PracticeContent = {
      ...previous,
      outcomes: paragraph(r, language, { people: '', action: '', origin: '', destination: '' }, 2),
    };
    if (r.chance(0.5)) changed.summary = `${previous.summary} ${paragraph(r, language, {}, 1)}`;
    versions.push({
      id: stableUuid(`version:${SEED}:${index}:${number}`),
      number,
      content: changed,
      createdAt: new Date(createdAt.getTime() + number * 60 * day),
    });
  }
  const events: GeneratedEvent[] = versions.map((v, i) => ({
    sequence: i + 1,
    transition: 'publish',
    fromState: 'accepted',
    toState: 'published',
    payload: { versionNumber: v.number },
    createdAt: new Date(v.createdAt.getTime() + 30 * day),
  }));
  const retracted = r.chance(0.02);
  if (retracted) {
    events.push({
      sequence: events.length + 1,
      transition: 'retract',
      fromState: 'published',
      toState: 'retracted',
      payload: { versionNumber: versionCount, comment: 'The organisation withdrew its evidence.' },
      createdAt: new Date(events[events.length - 1].createdAt.getTime() + 90 * day),
    });
  }
  return {
    id,
    slug: `bench-practice-${index + 1}`,
    organisationId: generateOrganisation(r.int(0, organisationCount(size) - 1)).id,
    status: retracted ? 'retracted' : 'published',
    createdAt,
    versions,
    events,
  };
}
