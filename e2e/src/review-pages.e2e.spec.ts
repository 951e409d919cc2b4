import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { completePracticeContent } from '@pathways/contracts/testing';
import { expectNoAxeViolations } from './setup/browser';
import './setup/context';
import { demoLogin } from './setup/logins';
import { logIn, Pages, shows, visit } from './setup/pages';

/**
 * Peer review in the browser: reviewers answer invitations (with a conflict-of-interest declaration)
 * and write the rubric review, with and without JavaScript; the editor reads the panel and the
 * reviews side by side, and decides with a rationale; the author reads the reviewers' comments; the
 * admin edits the review policy and reads the mail log; a reviewer keeps their expertise. Every page
 * passes axe.
 * Practices are set up through the API, as their authors and the editor would. Their author is a
 * person registered here for a civil-society organisation of their own, so the demo organisations'
 * lists that other specs read stay as they were.
 */

const suffix = randomBytes(3).toString('hex');
const title = `Pre-departure orientation by returnees ${suffix}`;
const confidential = `Confidential note for the editors ${suffix}`;

const content = { ...completePracticeContent, title };

interface Versioned {
  id: string;
  version: number;
}

interface Account {
  email: string;
  password: string;
}

/** This spec's author: registered here, acting for a verified organisation of their own. */
const author: Account & { name: string } = {
  name: `Ana Reyes ${suffix}`,
  email: `author-${suffix}@review-pages.example`,
  password: `review-pages-${suffix}-secret`,
};

async function call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${inject('apiUrl')}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The API as one account (a demo role or this spec's author), for setting the scene. */
async function apiAs(who: string | Account) {
  const { email, password } = typeof who === 'string' ? demoLogin(who) : who;
  const { token } = await call<{ token: string }>('POST', '/api/auth/login', null, { email, password });
  const me = await call<{ user: { id: string }; memberships: { organisationId: string }[] }>(
    'GET',
    '/api/me',
    token,
  );
  return {
    id: me.user.id,
    organisationId: me.memberships[0]?.organisationId,
    post: <T = Versioned>(path: string, body: unknown = {}) => call<T>('POST', path, token, body),
  };
}

type Api = Awaited<ReturnType<typeof apiAs>>;

/** Registers this spec's author, and has the admin verify the organisation they register. */
async function registerAuthor(admin: Api): Promise<void> {
  const { token } = await call<{ token: string }>('POST', '/api/auth/register', null, author);
  const organisation = await call<Versioned>('POST', '/api/organisations', token, {
    name: `Migrant women’s rights centre ${suffix}`,
    kind: 'civil_society',
    country: 'PH',
    website: null,
  });
  await admin.post(`/api/organisations/${organisation.id}/verify`, { version: organisation.version });
}

/** A complete practice by this spec's author, submitted and in screening. */
async function practiceInScreening(writer: Api, editor: Api, practiceTitle: string): Promise<string> {
  const draft = await writer.post('/api/practices', {
    organisationId: writer.organisationId,
    content: { ...content, title: practiceTitle },
  });
  const submitted = await writer.post(`/api/practices/${draft.id}/transitions/submit`, {
    version: draft.version,
  });
  await editor.post(`/api/practices/${draft.id}/transitions/start_screening`, { version: submitted.version });
  return draft.id;
}

const pages = new Pages();
const newPage = (options?: { javaScriptEnabled?: boolean }) => pages.newPage(options);
const logInAs = (page: Page, role: string) => logIn(page, demoLogin(role));

const scores = async (page: Page, values: number[]) => {
  const criteria = [
    'Relevance',
    'Evidence of results',
    'Gender-responsiveness',
    'Rights-based approach',
    'Partnership across the corridor',
    'Sustainability',
    'Replicability',
  ];
  for (const [index, criterion] of criteria.entries()) {
    const score = String(values[index] ?? 3);
    await page
      .getByRole('radiogroup', { name: criterion, exact: true })
      .getByRole('radio', { name: score, exact: true })
      .check();
  }
};

describe('peer review pages', () => {
  let practiceId: string;
  let practicePath: string;
  let editorPage: Page;

  beforeAll(async () => {
    const [editor, admin, reviewer1] = await Promise.all([
      apiAs('editor'),
      apiAs('admin'),
      apiAs('reviewer1'),
    ]);
    await registerAuthor(admin);
    // The policy wants a reviewer from a UN entity on each panel: reviewer 1 joins a verified one.
    const unEntity = await reviewer1.post('/api/organisations', {
      name: `UN Women liaison office ${suffix}`,
      kind: 'un_entity',
      country: null,
      website: null,
    });
    await admin.post(`/api/organisations/${unEntity.id}/verify`, { version: unEntity.version });

    practiceId = await practiceInScreening(await apiAs(author), editor, title);
    practicePath = `/practices/${practiceId}`;

    editorPage = await newPage();
    await logInAs(editorPage, 'editor');
  });

  afterAll(async () => {
    await pages.close();
  });

  it('lets the editor invite reviewers through the page’s invite action', async () => {
    await visit(editorPage, practicePath);
    await editorPage.getByRole('heading', { name: 'Review panel' }).waitFor();
    await editorPage.getByText('No reviewer has been invited yet.').waitFor();
    // Until the API suggests reviewers there is no Invite button to click: post the action as it would.
    const ids = await Promise.all(
      ['reviewer1', 'reviewer2', 'reviewer3'].map(async (r) => (await apiAs(r)).id),
    );
    for (const reviewerId of ids) {
      const response = await editorPage.request.post(`${practicePath}?/invite`, {
        form: { reviewerId },
        headers: { origin: inject('baseUrl'), 'x-sveltekit-action': 'true', accept: 'application/json' },
      });
      expect(((await response.json()) as { type: string }).type).toBe('success');
    }

    await visit(editorPage, practicePath);
    const panel = editorPage.getByRole('table', { name: 'Reviewers of this practice' });
    for (const name of ['Rosa Villanueva', 'Fatima Benali', 'Grace Mwangi']) {
      const row = panel.getByRole('row', { name: new RegExp(name) });
      await row.getByText('Invited', { exact: true }).waitFor();
      await row.getByText(/^Answer by /).waitFor();
      await row.getByText('Not declared yet').waitFor();
    }
    await editorPage.getByText('No review has been submitted yet.').waitFor();
  });

  it('shows the reviewer the invitation in the inbox, with the date to answer by', async () => {
    const reviewer = await newPage();
    await logInAs(reviewer, 'reviewer1');
    await reviewer.getByRole('link', { name: 'Reviews', exact: true }).click();
    await reviewer.waitForURL('**/reviews');
    await expectNoAxeViolations(reviewer);
    const invitations = reviewer.getByRole('region', { name: 'Invitations to answer' });
    await invitations
      .getByText(/^Answer by /)
      .first()
      .waitFor();
    await reviewer.getByText('You are not writing any review right now.').waitFor();
    await invitations.getByRole('link', { name: title }).click();
    await reviewer.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
    await expectNoAxeViolations(reviewer);
    // The practice is readable before answering.
    await reviewer.getByRole('heading', { name: 'The practice to review' }).waitFor();
    await reviewer.getByText(content.summary).waitFor();
    await reviewer.close();
  });

  it('asks for the conflict-of-interest declaration on acceptance, and keeps what was typed', async () => {
    const reviewer = await newPage();
    await logInAs(reviewer, 'reviewer1');
    await visit(reviewer, '/reviews');
    await reviewer.getByRole('link', { name: title }).click();
    await reviewer.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);

    await reviewer.getByRole('button', { name: 'Accept the invitation' }).click();
    await shows(reviewer, 'Say whether you have a conflict of interest.');

    await reviewer.getByRole('radio', { name: 'I declare a conflict:' }).check();
    await reviewer.getByRole('button', { name: 'Accept the invitation' }).click();
    await shows(reviewer, 'Describe the conflict you declare.');
    expect(await reviewer.getByRole('radio', { name: 'I declare a conflict:' }).isChecked()).toBe(true);
    expect(await reviewer.getByLabel('Describe the conflict').getAttribute('aria-invalid')).toBe('true');

    await reviewer.getByLabel('Describe the conflict').fill('I advised the ministry on its 2022 campaign.');
    await reviewer.getByRole('button', { name: 'Accept the invitation' }).click();
    await shows(reviewer, 'Thank you: you accepted the invitation.');
    await reviewer.getByRole('heading', { name: 'Your review' }).waitFor();
  });

  it('checks the review form, shows each problem at its field, keeps the input, then submits', async () => {
    const reviewer = await newPage();
    await logInAs(reviewer, 'reviewer1');
    await visit(reviewer, '/reviews');
    await reviewer
      .getByRole('region', { name: 'Reviews in progress' })
      .getByRole('link', { name: title })
      .click();
    await reviewer.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
    await expectNoAxeViolations(reviewer);

    await reviewer
      .getByRole('radiogroup', { name: 'Relevance', exact: true })
      .getByRole('radio', { name: '4', exact: true })
      .check();
    await reviewer.getByLabel('Confidential comments to the editors').fill(confidential);
    await reviewer.getByRole('button', { name: 'Submit the review' }).click();
    await shows(reviewer, 'Choose a score from 1 to 5 for “Evidence of results”.');
    await reviewer.getByText('Choose a recommendation.').first().waitFor();
    await reviewer.getByText('Write your comments to the authors').first().waitFor();
    expect(
      await reviewer.getByRole('radiogroup', { name: 'Evidence of results' }).getAttribute('aria-invalid'),
    ).toBe('true');
    expect(
      await reviewer
        .getByRole('radiogroup', { name: 'Relevance', exact: true })
        .getByRole('radio', { name: '4', exact: true })
        .isChecked(),
    ).toBe(true);
    expect(await reviewer.getByLabel('Confidential comments to the editors').inputValue()).toBe(confidential);

    await scores(reviewer, [4, 3, 4, 5, 3, 4, 4]);
    await reviewer
      .getByRole('radiogroup', { name: 'Recommendation' })
      .getByRole('radio', { name: 'Accept after minor revisions' })
      .check();
    await reviewer
      .getByLabel('Comments to the authors', { exact: true })
      .fill('Add the 2023 figures for returnees.');
    await reviewer.getByRole('button', { name: 'Submit the review' }).click();
    await shows(reviewer, 'Thank you: your review was submitted to the editors.');
    await reviewer.getByRole('heading', { name: 'Your submitted review' }).waitFor();

    await visit(reviewer, '/reviews');
    await reviewer
      .getByRole('region', { name: 'Submitted reviews' })
      .getByRole('link', { name: title })
      .waitFor();
  });

  it('works without JavaScript: accepting with no conflict and submitting the review', async () => {
    for (const [role, recommendation] of [
      ['reviewer2', 'Major revisions needed'],
      ['reviewer3', 'Accept as it is'],
    ] as const) {
      const reviewer = await newPage({ javaScriptEnabled: false });
      await logInAs(reviewer, role);
      await visit(reviewer, '/reviews');
      await reviewer.getByRole('link', { name: title }).click();
      await reviewer.getByRole('radio', { name: 'I have no conflict of interest' }).check();
      await reviewer.getByRole('button', { name: 'Accept the invitation' }).click();
      await shows(reviewer, 'Thank you: you accepted the invitation.');

      await scores(reviewer, [3, 2, 3, 3, 2, 3, 3]);
      await reviewer
        .getByRole('radiogroup', { name: 'Recommendation' })
        .getByRole('radio', { name: recommendation })
        .check();
      await reviewer.getByLabel('Comments to the authors', { exact: true }).fill(`Comments from ${role}.`);
      await reviewer.getByRole('button', { name: 'Submit the review' }).click();
      await shows(reviewer, 'Thank you: your review was submitted to the editors.');
    }
  });

  it('shows the editor the panel with the declared conflict, and the reviews side by side', async () => {
    await visit(editorPage, practicePath);
    const panel = editorPage.getByRole('table', { name: 'Reviewers of this practice' });
    const rosa = panel.getByRole('row', { name: /Rosa Villanueva/ });
    await rosa.getByText('Conflict declared').waitFor();
    await rosa.getByText('I advised the ministry on its 2022 campaign.').waitFor();
    await rosa.getByText('Submitted', { exact: true }).waitFor();
    await panel
      .getByRole('row', { name: /Fatima Benali/ })
      .getByText('None declared')
      .waitFor();

    const side = editorPage.getByRole('table', { name: 'Reviews side by side' });
    for (const name of ['Rosa Villanueva', 'Fatima Benali', 'Grace Mwangi']) {
      await side.getByRole('columnheader', { name: new RegExp(name) }).waitFor();
    }
    const relevance = side.getByRole('row', { name: /^Relevance/ });
    await relevance.getByRole('cell', { name: '4 / 5' }).waitFor();
    await side
      .getByRole('row', { name: /^Recommendation/ })
      .getByText('Major revisions needed')
      .waitFor();
    await side
      .getByRole('row', { name: /^Comments to the authors/ })
      .getByText('Comments from reviewer3.')
      .waitFor();
    await side
      .getByRole('row', { name: /^Confidential comments to the editors/ })
      .getByText(confidential)
      .waitFor();
  });

  it('asks the editor for the rationale of a decision, and records it', async () => {
    await visit(editorPage, practicePath);
    await editorPage.getByRole('button', { name: 'Send to peer review' }).click();
    await shows(editorPage, 'Done: the practice is now “In peer review”.');

    await editorPage.getByRole('button', { name: 'Request revisions' }).click();
    await shows(editorPage, 'Give the rationale for the authors.');
    const rationale = editorPage.getByLabel('Rationale for the authors (Request revisions)');
    expect(await rationale.getAttribute('aria-invalid')).toBe('true');
    await rationale.fill('Please add the 2023 figures the reviewers ask for.');
    await editorPage.getByRole('button', { name: 'Request revisions' }).click();
    await shows(editorPage, 'Done: the practice is now “Revisions requested”.');
    await editorPage.getByText('Please add the 2023 figures the reviewers ask for.').first().waitFor();

    await visit(editorPage, '/practices?status=revisions_requested');
    await editorPage
      .getByRole('region', { name: 'All submissions' })
      .getByRole('link', { name: title })
      .waitFor();
  });

  it('lets the author open the practice to revise it, without the editors’ confidential comments', async () => {
    const page = await newPage();
    await logIn(page, author);
    await visit(page, practicePath);
    await page.getByText('Revisions requested', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'Edit the practice' }).waitFor();
    expect(await page.getByText(confidential).count()).toBe(0);
    expect(await page.getByText('Rosa Villanueva').count()).toBe(0);
  });

  it('lets a reviewer decline an invitation', async () => {
    const [writer, editor, reviewer3] = await Promise.all([
      apiAs(author),
      apiAs('editor'),
      apiAs('reviewer3'),
    ]);
    const other = `Safe return and reintegration ${suffix}`;
    const otherId = await practiceInScreening(writer, editor, other);
    await editor.post(`/api/practices/${otherId}/review-assignments`, { reviewerId: reviewer3.id });

    const reviewer = await newPage();
    await logInAs(reviewer, 'reviewer3');
    await visit(reviewer, '/reviews');
    await reviewer
      .getByRole('region', { name: 'Invitations to answer' })
      .getByRole('link', { name: other })
      .click();
    await reviewer.getByRole('button', { name: 'Decline the invitation' }).click();
    await shows(reviewer, 'You declined the invitation.');
    await visit(reviewer, '/reviews');
    await reviewer.getByRole('heading', { name: 'Declined or expired invitations' }).waitFor();
  });

  it('lets the admin edit the review policy, with field errors and a 409 for a stale form', async () => {
    const admin = await newPage();
    await logInAs(admin, 'admin');
    await visit(admin, '/admin/review-policy');
    await admin.getByRole('heading', { name: 'Review policy', level: 1 }).waitFor();
    const other = await admin.context().newPage();
    await other.goto('/admin/review-policy');

    await admin.getByLabel('Reviewers required').fill('11');
    await admin.getByRole('button', { name: 'Save the policy' }).click();
    await shows(admin, 'Enter a whole number from 1 to 10.');
    expect(await admin.getByLabel('Reviewers required').getAttribute('aria-invalid')).toBe('true');
    expect(await admin.getByLabel('Reviewers required').inputValue()).toBe('11');

    const due = admin.getByLabel('Time to write a review');
    const dueBefore = await due.inputValue();
    await admin.getByLabel('Reviewers required').fill('3');
    await due.fill(String(Number(dueBefore) + 1));
    await admin.getByRole('button', { name: 'Save the policy' }).click();
    await shows(admin, 'The review policy was saved.');
    // The second tab still holds the version it loaded: its save would undo the first.
    await other.getByRole('button', { name: 'Save the policy' }).click();
    await shows(other, /Someone else changed the review policy in the meantime/);
    await other.close();

    // Other specs expect the default deadline.
    await visit(admin, '/admin/review-policy');
    await admin.getByLabel('Time to write a review').fill(dueBefore);
    await admin.getByRole('button', { name: 'Save the policy' }).click();
    await shows(admin, 'The review policy was saved.');
  });

  it('shows the admin every e-mail sent, filtered by recipient', async () => {
    const admin = await newPage();
    await logInAs(admin, 'admin');
    await visit(admin, '/admin/mail');
    await admin.getByRole('heading', { name: 'Mail log', level: 1 }).waitFor();
    await admin.getByLabel('Recipient').fill(demoLogin('reviewer1').email);
    await admin.getByRole('button', { name: 'Filter' }).click();
    // The unfiltered log holds the invitation too: wait for the filtered page itself.
    await admin.waitForURL((url) => url.searchParams.get('to') === demoLogin('reviewer1').email);
    await shows(admin, `Invitation to review: ${title}`);
    expect(await admin.getByText(demoLogin('reviewer2').email).count()).toBe(0);
    await admin.getByText('Show the message').first().click();
    await admin
      .getByText(/\/reviews\/[0-9a-f-]{36}/)
      .first()
      .waitFor();
  });

  it('lets a reviewer keep their expertise, checking language codes', async () => {
    const reviewer = await newPage();
    await logInAs(reviewer, 'reviewer2');
    await visit(reviewer, '/account');
    await reviewer.getByRole('heading', { name: 'Your expertise as a reviewer' }).waitFor();
    const languages = reviewer.getByLabel('Languages you can review in');
    expect(await languages.inputValue()).toContain('fr');
    await languages.fill('spanish');
    await reviewer.getByRole('button', { name: 'Save your expertise' }).click();
    await shows(reviewer, 'Use two-letter ISO 639-1 codes such as en or es, at most 20.');
    await languages.fill('fr, ar, en');
    await reviewer.getByRole('button', { name: 'Save your expertise' }).click();
    await shows(reviewer, 'Your expertise was saved.');
  });
});
