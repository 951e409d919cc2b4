import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { InvitationOrigin, OrganisationKind, Recommendation } from '@pathways/contracts';
import {
  applyTransition,
  Membership,
  Organisation,
  Practice,
  PracticeVersion,
  ReviewAssignment,
  User,
} from '@pathways/persistence';
import { decide, type ReviewAssignmentTransition, reviewAssignmentWorkflow } from '@pathways/workflow';

/** The roster of one scene, best-ranked first for its practice (scores in brackets). */
export const rosterNames = ['research', 'nairobi', 'rights', 'kofi', 'iom', 'un', 'sameCountry'] as const;
export type RosterName = (typeof rosterNames)[number];

export interface ReviewScene {
  practiceId: string;
  versionId: string;
  title: string;
  editors: User[];
  author: User;
  reviewers: Record<RosterName, User>;
}

interface ReviewerSpec {
  name: string;
  locale: 'en' | 'es' | 'fr';
  org: [string, OrganisationKind, string | null];
  themes?: boolean;
  languages?: string[];
  countries?: string[];
}

// The practice is about the scene's own theme, in English, for PH and AE, by a PH government body.
const roster: Record<RosterName, ReviewerSpec> = {
  research: {
    name: 'Rita',
    locale: 'es',
    org: ['Research Institute', 'research', 'MX'],
    themes: true,
    languages: ['en'],
  }, // 5
  nairobi: {
    name: 'Nia',
    locale: 'en',
    org: ['Nairobi Rights Centre', 'civil_society', 'KE'],
    themes: true,
    languages: ['en'],
  }, // 5
  rights: { name: 'Rosa', locale: 'es', org: ['Rights Network', 'civil_society', 'ES'], themes: true }, // 3
  kofi: { name: 'Kofi', locale: 'en', org: ['Accra Policy Lab', 'research', 'GH'], themes: true }, // 3
  iom: { name: 'Ines', locale: 'fr', org: ['IOM', 'un_entity', null], countries: ['PH'] }, // 1
  un: { name: 'Uma', locale: 'fr', org: ['UN Women', 'un_entity', null] }, // 0
  // Excluded: same country as a government submitter.
  sameCountry: {
    name: 'Pia',
    locale: 'en',
    org: ['Philippine University', 'research', 'PH'],
    themes: true,
    languages: ['en'],
  },
};

/**
 * A practice in review by a PH ministry, two editors (es, fr), its author (en) and a fresh reviewer
 * roster. Editors and reviewers of earlier scenes in the same database are disabled, so ranking and
 * editor notices only concern this scene's people.
 */
export async function seedReviewScene(
  em: EntityManager,
  status: Practice['status'] = 'in_review',
): Promise<ReviewScene> {
  await em.nativeUpdate(
    User,
    { $or: [{ roles: { $contains: ['reviewer'] } }, { roles: { $contains: ['editor'] } }] },
    { status: 'disabled' },
  );
  const tag = randomBytes(4).toString('hex');
  const user = (name: string, roles: User['roles'], locale: User['locale']) =>
    em.create(User, {
      email: `${name.toLowerCase()}.${tag}@example.org`,
      name,
      passwordHash: 'x',
      roles,
      locale,
    });
  const organisation = (name: string, kind: OrganisationKind, country: string | null) =>
    em.create(Organisation, { name: `${name} ${tag}`, kind, country, status: 'verified' });

  const editors = [user('Elena', ['partner', 'editor'], 'es'), user('Fabrice', ['partner', 'editor'], 'fr')];
  const author = user('Maria', ['partner'], 'en');
  const ministry = organisation('Department of Migrant Workers', 'government', 'PH');
  em.create(Membership, { user: author, organisation: ministry, role: 'focal_point', status: 'active' });
  const theme = `theme-${tag}`;
  const reviewers = {} as Record<RosterName, User>;
  for (const key of rosterNames) {
    const spec = roster[key];
    const reviewer = user(spec.name, ['partner', 'reviewer'], spec.locale);
    reviewer.expertiseThemes = spec.themes ? [theme] : [];
    reviewer.reviewLanguages = spec.languages ?? [];
    reviewer.expertiseCountries = spec.countries ?? [];
    em.create(Membership, { user: reviewer, organisation: organisation(...spec.org), status: 'active' });
    reviewers[key] = reviewer;
  }
  const title = `Pre-departure orientation ${tag}`;
  const practice = em.create(Practice, {
    slug: `p-${tag}`,
    organisation: ministry,
    status,
    createdBy: author,
  });
  const version = em.create(PracticeVersion, {
    practice,
    number: 1,
    content: {
      title,
      themes: [theme],
      countries: [
        { code: 'PH', role: 'origin' },
        { code: 'AE', role: 'destination' },
      ],
      language: 'en',
    },
    submittedAt: new Date(),
    createdBy: author,
  });
  practice.currentVersion = version as never;
  await em.flush();
  return { practiceId: practice.id, versionId: version.id, title, editors, author, reviewers };
}

export interface AssignOptions {
  status?: ReviewAssignment['status'];
  origin?: InvitationOrigin;
  recommendation?: Recommendation;
  dueAt?: Date | null;
  respondBy?: Date;
}

/** An assignment on the scene's panel, written directly (no outbox rows, nothing for the worker). */
export async function assign(
  em: EntityManager,
  scene: ReviewScene,
  reviewer: RosterName,
  options: AssignOptions = {},
): Promise<string> {
  const status = options.status ?? 'invited';
  const assignment = em.create(ReviewAssignment, {
    practice: scene.practiceId,
    practiceVersion: scene.versionId,
    reviewer: scene.reviewers[reviewer],
    status,
    origin: options.origin ?? 'editor',
    respondBy: options.respondBy ?? new Date(Date.now() + 7 * 86_400_000),
    dueAt:
      options.dueAt !== undefined
        ? options.dueAt
        : ['accepted', 'overdue', 'submitted'].includes(status)
          ? new Date(Date.now() + 21 * 86_400_000)
          : null,
    review: options.recommendation ? { scores: {}, recommendation: options.recommendation } : null,
    submittedAt: status === 'submitted' ? new Date() : null,
  });
  await em.flush();
  return assignment.id;
}

/**
 * Fires a review-assignment transition the way the API does (applyTransition), so its effects land
 * in the outbox for the worker's relay.
 */
export async function fireAssignment(
  em: EntityManager,
  assignmentId: string,
  transition: ReviewAssignmentTransition,
  actorId: string | null,
): Promise<void> {
  const record = await em.findOneOrFail(ReviewAssignment, { id: assignmentId }, { refresh: true });
  const decision = decide(
    reviewAssignmentWorkflow,
    record.status,
    transition,
    { conflictDeclared: true, missingReviewFields: [] },
    () => true,
  );
  if (!decision.ok) throw new Error(decision.refusal.message);
  await em.transactional((tx) =>
    applyTransition(tx, {
      entity: ReviewAssignment,
      entityType: 'ReviewAssignment',
      workflow: reviewAssignmentWorkflow.name,
      record,
      transition,
      from: decision.from,
      to: decision.to,
      effects: decision.effects,
      actorId,
      payload: { practiceId: record.practice.id },
    }),
  );
}

/** What the outbox would carry for a transition's effect, for calling a handler directly. */
export const effectPayload = (entityId: string, transition: string, entityType = 'ReviewAssignment') => ({
  eventId: randomUUID(),
  entityType,
  entityId,
  transition,
});

/** Polls until `check` resolves truthy (the worker is asynchronous); fails after `ms`. */
export async function waitFor<T>(
  check: () => Promise<T>,
  what: string,
  ms = 20_000,
): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
