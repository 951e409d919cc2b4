import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePracticeContent } from '@pathways/contracts/testing';
import { defaultReviewPolicy } from '@pathways/contracts';
import './setup/context';
import { demoLogin } from './setup/logins';
import { waitForMail } from './setup/mail';
import { apiCall as call } from './setup/publication';
import { logIn, Pages, shows, visit } from './setup/pages';

/**
 * The whole peer review of one practice, with time compressed (a policy day lasts DAY_SECONDS):
 * the author submits; the editor screens and invites three reviewers, one from a UN entity; one
 * declines and the policy invites a backup on its own; reviewers accept, are reminded before the
 * due date, and submit; the editor requests revisions; the author resubmits a second version; a
 * second round of reviews; the editor accepts and publishes; the public finds the practice. Each
 * step's e-mail is in the SMTP capture and the practice's event chain verifies.
 */

const suffix = randomBytes(3).toString('hex');
// Short, so every subject stays on one header line in the captured mail.
const title = `Returnee mentors ${suffix}`;

const reviewer = {
  un: { role: 'reviewer1', name: 'Rosa Villanueva' },
  decliner: { role: 'reviewer2', name: 'Fatima Benali' },
  third: { role: 'reviewer3', name: 'Grace Mwangi' },
  // Ranked first for this practice's themes, languages and countries: the backup the policy picks.
  backup: { role: 'reviewer4', name: 'Nadia Haddad' },
} as const;

const content = {
  ...completePracticeContent,
  title,
  summary: 'Women who came home mentor those about to leave.',
  themes: ['pre-departure-orientation', 'emigration-immigration-return'],
  countries: [
    { code: 'PH', role: 'origin' },
    { code: 'LB', role: 'destination' },
  ],
  outcomes: 'Mentored workers report abuse earlier.',
};

interface Session {
  token: string;
  userId: string;
}

async function session(email: string, password: string): Promise<Session> {
  const { token } = await call<{ token: string }>('POST', '/api/auth/login', null, { email, password });
  const me = await call<{ user: { id: string } }>('GET', '/api/me', token);
  return { token, userId: me.user.id };
}

const demoSession = (role: string) => session(demoLogin(role).email, demoLogin(role).password);

/** Reloads a page until `text` shows: the worker acts a moment after the change that caused it. */
async function reloadUntil(page: Page, path: string, text: string | RegExp, attempts = 60): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    await page.goto(path);
    if ((await page.getByText(text).count()) > 0) return;
    await page.waitForTimeout(500);
  }
  throw new Error(`"${String(text)}" did not show on ${path}`);
}

const subject = (text: string) => new RegExp(`^Subject: ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm');

describe('a practice through two rounds of peer review to publication', () => {
  const pages = new Pages();
  let author: { email: string; password: string; page: Page; session: Session };
  let editor: Page;
  let admin: Session;
  let practiceId: string;
  let policyBefore: typeof defaultReviewPolicy & { version: number };

  const practicePath = () => `/practices/${practiceId}`;

  beforeAll(async () => {
    admin = await demoSession('admin');
    policyBefore = await call('GET', '/api/review-policy', admin.token);
    // The author: a civil-society organisation of their own, so other specs' demo lists stay as they were.
    const email = `mentor-${suffix}@review-flow.example`;
    const password = `review-flow-${suffix}-secret`;
    await call('POST', '/api/auth/register', null, { email, password, name: `Joy Santos ${suffix}` });
    const own = await session(email, password);
    const org = await call<{ id: string; version: number }>('POST', '/api/organisations', own.token, {
      name: `Returnee Women Circle ${suffix}`,
      kind: 'civil_society',
      country: 'NP',
    });
    await call('POST', `/api/organisations/${org.id}/verify`, admin.token, { version: org.version });
    const draft = await call<{ id: string }>('POST', '/api/practices', own.token, {
      organisationId: org.id,
      content,
    });
    practiceId = draft.id;
    author = { email, password, session: own, page: await pages.newPage() };
    await logIn(author.page, { email, password });
    editor = await pages.newPage();
    await logIn(editor, demoLogin('editor'));
  });

  afterAll(async () => {
    // Other specs expect the default policy.
    const current = await call<{ version: number }>('GET', '/api/review-policy', admin.token);
    const settings = Object.fromEntries(
      Object.keys(defaultReviewPolicy).map((key) => [key, policyBefore[key as keyof typeof policyBefore]]),
    );
    await call('PUT', '/api/review-policy', admin.token, { ...settings, version: current.version });
    await pages.close();
  });

  it('lets the admin shorten the review deadlines so reminders come within seconds', async () => {
    const page = await pages.newPage();
    await logIn(page, demoLogin('admin'));
    await visit(page, '/admin/review-policy');
    await page.getByLabel('Time to answer an invitation').fill('30');
    await page.getByLabel('Time to write a review').fill('30');
    // One (compressed) day after acceptance.
    await page.getByLabel('Reminder before the due date').fill('29');
    await page.getByRole('button', { name: 'Save the policy' }).click();
    await shows(page, 'The review policy was saved.');
    const saved = await call<{ reviewDueDays: number; remindBeforeDueDays: number }>(
      'GET',
      '/api/review-policy',
      admin.token,
    );
    expect(saved).toMatchObject({ reviewDueDays: 30, remindBeforeDueDays: 29, reviewersRequired: 3 });
  });

  it('takes the submission from the author, and tells the editors', async () => {
    await visit(author.page, practicePath());
    await author.page.getByRole('button', { name: 'Submit', exact: true }).click();
    await shows(author.page, 'Done: the practice is now “Submitted”.');
    await waitForMail(demoLogin('editor').email, subject(`New submission: ${title}`));
    await waitForMail(author.email, subject(`Received: ${title}`));
  });

  it('lets the editor screen it and invite three reviewers, one from a UN entity', async () => {
    await visit(editor, practicePath());
    await editor.getByRole('button', { name: 'Start screening' }).click();
    await shows(editor, 'Done: the practice is now “In screening”.');

    const suggestions = editor.getByRole('table', { name: 'Invite reviewers' });
    for (const { name } of [reviewer.un, reviewer.decliner, reviewer.third]) {
      await suggestions.getByRole('button', { name: `Invite ${name}` }).click();
      await shows(editor, `${name} is invited to review this practice.`);
    }
    // The UN entity badge stands next to the UN reviewer's suggestion.
    const panel = editor.getByRole('table', { name: 'Reviewers of this practice' });
    for (const { name } of [reviewer.un, reviewer.decliner, reviewer.third]) {
      await panel.getByRole('row', { name: new RegExp(name) }).waitFor();
    }
    await editor.getByRole('button', { name: 'Send to peer review' }).click();
    await shows(editor, 'Done: the practice is now “In peer review”.');

    for (const role of [reviewer.un.role, reviewer.decliner.role, reviewer.third.role]) {
      await waitForMail(demoLogin(role).email, subject(`Invitation to review: ${title}`));
    }
  });

  it('invites a backup on its own when a reviewer declines', async () => {
    const page = await pages.newPage();
    await logIn(page, demoLogin(reviewer.decliner.role));
    await visit(page, '/reviews');
    await page.getByRole('link', { name: title }).first().click();
    await page.getByRole('button', { name: 'Decline the invitation' }).click();
    await shows(page, 'You declined the invitation. The editors have been told.');

    await waitForMail(demoLogin(reviewer.backup.role).email, subject(`Invitation to review: ${title}`));
    await reloadUntil(editor, practicePath(), reviewer.backup.name);
    const panel = editor.getByRole('table', { name: 'Reviewers of this practice' });
    await panel
      .getByRole('row', { name: new RegExp(reviewer.backup.name) })
      .getByText('backup')
      .waitFor();
  });

  it('has reviewers accept, reminds them before the due date, and takes their reviews', async () => {
    const recommendations = {
      [reviewer.un.role]: 'Accept after minor revisions',
      [reviewer.third.role]: 'Major revisions needed',
      [reviewer.backup.role]: 'Accept after minor revisions',
    };
    for (const { role } of [reviewer.un, reviewer.third, reviewer.backup]) {
      const page = await pages.newPage();
      await logIn(page, demoLogin(role));
      await visit(page, '/reviews');
      await page.getByRole('link', { name: title }).first().click();
      await page.getByRole('radio', { name: 'I have no conflict of interest' }).check();
      await page.getByRole('button', { name: 'Accept the invitation' }).click();
      await shows(page, 'Thank you: you accepted the invitation.');

      // The reminder comes one compressed day after acceptance, well before the due date.
      const reminder = await waitForMail(
        demoLogin(role).email,
        subject(`Reminder: your review of ${title}`),
        60_000,
      );
      const accepted = await call<{ items: { practiceId: string; dueAt: string }[] }>(
        'GET',
        '/api/review-assignments',
        (await demoSession(role)).token,
      );
      const dueAt = accepted.items.find((a) => a.practiceId === practiceId)?.dueAt;
      expect(new Date(reminder.receivedAt).getTime()).toBeLessThan(new Date(dueAt ?? 0).getTime());

      for (const criterion of ['Relevance', 'Evidence of results', 'Gender-responsiveness']) {
        await page
          .getByRole('radiogroup', { name: criterion, exact: true })
          .getByRole('radio', { name: '4', exact: true })
          .check();
      }
      for (const criterion of [
        'Rights-based approach',
        'Partnership across the corridor',
        'Sustainability',
        'Replicability',
      ]) {
        await page
          .getByRole('radiogroup', { name: criterion, exact: true })
          .getByRole('radio', { name: '3', exact: true })
          .check();
      }
      await page
        .getByRole('radiogroup', { name: 'Recommendation' })
        .getByRole('radio', { name: recommendations[role] })
        .check();
      await page
        .getByLabel('Comments to the authors', { exact: true })
        .fill(`Add the 2024 follow-up figures (${role}).`);
      await page.getByLabel('Confidential comments to the editors').fill(`For the editors only (${role}).`);
      await page.getByRole('button', { name: 'Submit the review' }).click();
      await shows(page, 'Thank you: your review was submitted to the editors.');
    }
    // Three reviewers in turn, each waiting a compressed day for the reminder: more than the default.
  }, 180_000);

  it('lets the editor read the reviews side by side and request revisions with a rationale', async () => {
    await visit(editor, practicePath());
    const side = editor.getByRole('table', { name: 'Reviews side by side' });
    await side.getByText(`For the editors only (${reviewer.third.role}).`).waitFor();
    await editor.getByRole('button', { name: 'Request revisions' }).click();
    await shows(editor, 'Give the rationale for the authors.');
    await editor
      .getByLabel('Rationale for the authors (Request revisions)')
      .fill('Add the follow-up figures the reviewers ask for.');
    await editor.getByRole('button', { name: 'Request revisions' }).click();
    await shows(editor, 'Done: the practice is now “Revisions requested”.');
    await waitForMail(author.email, subject(`Update on ${title}`));
  });

  it('lets the author read the comments and resubmit a second version', async () => {
    await visit(author.page, practicePath());
    await author.page.getByText(`Add the 2024 follow-up figures (${reviewer.third.role}).`).waitFor();
    // Reviewers stay anonymous and their notes to the editors stay with the editors.
    expect(await author.page.getByText(reviewer.third.name).count()).toBe(0);
    expect(await author.page.getByText('For the editors only').count()).toBe(0);

    await author.page.getByRole('link', { name: 'Revise the practice (new version)' }).click();
    await author.page
      .getByLabel('Outcomes (needed to submit)')
      .fill('By 2024, 640 mentored workers reported abuse within a month.');
    await author.page.getByRole('button', { name: 'Save draft' }).first().click();
    await shows(author.page, 'Draft saved.');
    await visit(author.page, practicePath());
    await author.page.getByRole('button', { name: 'Resubmit' }).click();
    await shows(author.page, 'Done: the practice is now “Resubmitted”.');
    await waitForMail(demoLogin('editor').email, subject(`New submission: ${title}`));

    const versions = await call<{ items: { number: number }[] }>(
      'GET',
      `/api/practices/${practiceId}/versions`,
      author.session.token,
    );
    expect(versions.items.map((v) => v.number)).toEqual([1, 2]);
  });

  it('runs a second round, then the editor accepts and publishes', async () => {
    await visit(editor, practicePath());
    await editor.getByRole('button', { name: 'Resume the review' }).click();
    await shows(editor, 'Done: the practice is now “In peer review”.');
    const suggestions = editor.getByRole('table', { name: 'Invite reviewers' });
    for (const { name } of [reviewer.un, reviewer.third, reviewer.backup]) {
      await suggestions.getByRole('button', { name: `Invite ${name}` }).click();
      await shows(editor, `${name} is invited to review this practice.`);
    }

    // The second round's reviewers answer through the API: the browser path is the first round's.
    for (const { role } of [reviewer.un, reviewer.third, reviewer.backup]) {
      const { token } = await demoSession(role);
      const mine = await call<{
        items: { id: string; practiceId: string; status: string; version: number }[];
      }>('GET', '/api/review-assignments', token);
      const invitation = mine.items.find((a) => a.practiceId === practiceId && a.status === 'invited');
      expect(invitation).toBeDefined();
      const accepted = await call<{ version: number }>(
        'POST',
        `/api/review-assignments/${invitation!.id}/transitions/accept`,
        token,
        { version: invitation!.version, conflictDeclaration: 'none' },
      );
      await call('POST', `/api/review-assignments/${invitation!.id}/transitions/submit`, token, {
        version: accepted.version,
        review: {
          scores: {
            relevance: 5,
            evidence: 5,
            genderResponsiveness: 5,
            rightsBased: 4,
            partnership: 4,
            sustainability: 4,
            replicability: 5,
          },
          recommendation: 'accept',
          commentsToAuthors: 'The follow-up figures settle it.',
        },
      });
    }

    await visit(editor, practicePath());
    await editor.getByRole('button', { name: 'Accept', exact: true }).click();
    await shows(editor, 'Give the rationale for the authors.');
    await editor
      .getByLabel('Rationale for the authors (Accept)')
      .fill('Three reviewers recommend it; the evidence is now complete.');
    await editor.getByRole('button', { name: 'Accept', exact: true }).click();
    await shows(editor, 'Done: the practice is now “Accepted”.');
    await editor.getByRole('button', { name: 'Publish' }).click();
    await shows(editor, 'Done: the practice is now “Published”.');
    await waitForMail(author.email, subject(`Published: ${title}`));
  });

  it('shows the published practice to the public', async () => {
    const visitor = await pages.newPage();
    await visit(visitor, '/library');
    await visitor.getByRole('link', { name: title }).click();
    await visitor.waitForURL('**/library/practices/**');
    await visitor.getByText('By 2024, 640 mentored workers reported abuse within a month.').waitFor();
    // Nothing to do for a visitor, and nothing of the review shows.
    expect(await visitor.getByRole('heading', { name: 'What you can do next' }).count()).toBe(0);
    expect(await visitor.getByText(reviewer.third.name).count()).toBe(0);
  });

  it('keeps a tamper-evident history that verifies', async () => {
    const chain = await call<{ valid: boolean; events: number }>(
      'GET',
      `/api/admin/workflow-events/Practice/${practiceId}/verify`,
      admin.token,
    );
    // Submit, start screening, send to review, request revisions, resubmit, resume, accept, publish.
    expect(chain).toEqual({ valid: true, events: 8 });
  });

  it('shows the admin the mail log and the queue dashboard, and nobody else', async () => {
    const page = await pages.newPage();
    await logIn(page, demoLogin('admin'));
    await visit(page, '/admin/mail');
    await page.getByLabel('Recipient').fill(demoLogin(reviewer.backup.role).email);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL((url) => url.searchParams.has('to'));
    await shows(page, `Invitation to review: ${title}`);

    await page.getByRole('link', { name: 'Queue dashboard' }).click();
    await page.waitForURL('**/api/admin/queues');
    const queues = await page.request.get('/api/admin/queues/api/queues');
    expect(queues.status()).toBe(200);
    const names = ((await queues.json()) as { queues: { name: string }[] }).queues.map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(['notifications', 'reminders', 'review', 'publishing']));
    expect((await author.page.request.get('/api/admin/queues/api/queues')).status()).toBe(403);
  });
});
