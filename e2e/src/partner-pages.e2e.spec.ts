import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { completePracticeContent, completeReview as fullReview } from '@pathways/contracts/testing';
import { expectNoAxeViolations } from './setup/browser';
import './setup/context';
import { demoLogin } from './setup/logins';
import { logIn, Pages, shows, visit } from './setup/pages';

/**
 * The partner's and the public's pages of issue 3, in the browser: autosave of a draft, attachments
 * (upload, a refused file, download, delete), in-app notifications, the workflow diagrams, the
 * public library with a published practice, and what changed between two versions. The network's
 * focal point is the author here (the ministry's practices belong to practices.e2e.spec.ts). The
 * review rounds that lead to publication are driven through the API. Every page passes axe.
 */

const run = randomBytes(3).toString('hex');
const pages = new Pages();
const newPage = (options?: { javaScriptEnabled?: boolean }) => pages.newPage(options);

// --- The API, as the people in this story ---------------------------------------------------------

type Json = Record<string, unknown> & { id: string; version: number };

async function call<T = Json>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  // Registrations are limited per address; this spec's own address keeps it out of the others' budget.
  if (path === '/api/auth/register') headers['x-forwarded-for'] = '198.51.100.23';
  const response = await fetch(`${inject('apiUrl')}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? null : await response.json()) as T;
}

const tokenOf = async (role: string): Promise<string> => {
  const { email, password } = demoLogin(role);
  return (await call<{ token: string }>('POST', '/api/auth/login', undefined, { email, password })).token;
};

const completeContent = (title: string) => ({
  ...completePracticeContent,
  title,
  summary: 'Returnee women train departing domestic workers on their rights.',
});

async function fire(token: string, practiceId: string, transition: string): Promise<Json> {
  const { version } = await call('GET', `/api/practices/${practiceId}`, token);
  // Decisions need a rationale; other transitions take the comment into their history.
  return call('POST', `/api/practices/${practiceId}/transitions/${transition}`, token, {
    version,
    comment: `Rationale for ${transition}: the reviews agree.`,
  });
}

async function createPractice(author: string, title: string): Promise<Json> {
  const me = await call<{ memberships: { organisationId: string; status: string }[] }>(
    'GET',
    '/api/me',
    author,
  );
  const organisationId = me.memberships.find((m) => m.status === 'active')?.organisationId;
  return call('POST', '/api/practices', author, { organisationId, content: completeContent(title) });
}

interface Reviewer {
  id: string;
  token: string;
}

/** Three new reviewers on the roster, one of them from a verified UN entity (the policy's rule). */
async function reviewPanel(admin: string): Promise<Reviewer[]> {
  const reviewers: Reviewer[] = [];
  for (const n of [1, 2, 3]) {
    const grant = await call<{ token: string; user: { id: string } }>(
      'POST',
      '/api/auth/register',
      undefined,
      {
        email: `reviewer-${run}-${n}@example.org`,
        name: `Reviewer ${n} ${run}`,
        password: 'a long enough reviewer password',
      },
    );
    await call('POST', `/api/users/${grant.user.id}/roles`, admin, { role: 'reviewer' });
    reviewers.push({ id: grant.user.id, token: grant.token });
  }
  const unEntity = await call('POST', '/api/organisations', reviewers[0]?.token, {
    name: `UN entity ${run}`,
    kind: 'un_entity',
    country: null,
  });
  await call('POST', `/api/organisations/${unEntity.id}/verify`, admin, { version: unEntity.version });
  return reviewers;
}

/** One review round on the current version: the panel is invited, accepts and reviews. */
async function reviewRound(editor: string, practiceId: string, reviewers: Reviewer[]): Promise<void> {
  for (const reviewer of reviewers) {
    const invited = await call('POST', `/api/practices/${practiceId}/review-assignments`, editor, {
      reviewerId: reviewer.id,
    });
    const accepted = await call(
      'POST',
      `/api/review-assignments/${invited.id}/transitions/accept`,
      reviewer.token,
      {
        version: invited.version,
        conflictDeclaration: 'none',
      },
    );
    await call('POST', `/api/review-assignments/${invited.id}/transitions/submit`, reviewer.token, {
      version: accepted.version,
      review: fullReview,
    });
  }
}

/** Reloads a page until `text` shows: the worker delivers notifications a moment after the change. */
async function reloadUntil(page: Page, path: string, text: string): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    await page.goto(path);
    if ((await page.getByText(text).count()) > 0) return;
    await page.waitForTimeout(500);
  }
  throw new Error(`"${text}" did not show on ${path}`);
}

/** The next autosave: the edit form's own action, posted without a page load. */
const savedBy = (page: Page) =>
  page.waitForResponse((r) => r.url().endsWith('?/save') && r.request().method() === 'POST');

const unreadInHeader = async (page: Page): Promise<number> => {
  const name = await page.getByRole('link', { name: /^Notifications \(\d+\)$/ }).textContent();
  return Number(/\((\d+)\)/.exec(name ?? '')?.[1]);
};

// --- The story -------------------------------------------------------------------------------------

describe('partner pages: autosave, attachments, notifications, workflows, library and versions', () => {
  let author: Page;
  let draftPath: string;

  beforeAll(async () => {
    author = await newPage();
    await logIn(author, demoLogin('network'));
  });

  afterAll(async () => {
    await pages.close();
  });

  it('saves a draft by itself a moment after the author stops typing', async () => {
    await visit(author, '/practices/new');
    await author.getByLabel('Title').fill(`Autosaved corridor ${run}`);
    await author.getByRole('button', { name: 'Create the draft' }).click();
    await author.waitForURL(/\/practices\/[0-9a-f-]{36}\/edit$/);
    draftPath = new URL(author.url()).pathname.replace(/\/edit$/, '');
    await shows(author, 'Your changes are saved automatically');

    let saved = savedBy(author);
    await author.getByLabel('Summary (needed to submit)').fill('Saved without pressing any button.');
    await saved;
    await author
      .getByRole('status')
      .filter({ hasText: /^Saved at \d{1,2}:\d{2}/ })
      .waitFor();
    await expectNoAxeViolations(author);

    // A second change goes out with the version the first save returned, so it is not refused.
    saved = savedBy(author);
    await author.getByLabel('Outcomes (needed to submit)').fill('Kept as well.');
    expect((await saved).status()).toBe(200);
    await author
      .getByRole('status')
      .filter({ hasText: /^Saved at/ })
      .waitFor();

    await visit(author, `${draftPath}/edit`);
    expect(await author.getByLabel('Summary (needed to submit)').inputValue()).toBe(
      'Saved without pressing any button.',
    );
    expect(await author.getByLabel('Outcomes (needed to submit)').inputValue()).toBe('Kept as well.');
  });

  it('says when someone else saved meanwhile, and reloads keeping the typed text', async () => {
    const other = await author.context().newPage();
    await visit(other, `${draftPath}/edit`);
    await visit(author, `${draftPath}/edit`);
    const otherSaved = savedBy(other);
    await other.getByLabel('Problem addressed (needed to submit)').fill('Written in the other tab.');
    await otherSaved;

    await author.getByLabel('Problem addressed (needed to submit)').fill('Written here.');
    await shows(author, 'someone else changed this practice in the meantime');
    await author.getByRole('button', { name: 'Reload, keeping my text' }).last().click();
    await shows(author, 'The latest version is loaded and your text is kept.');
    expect(await author.getByLabel('Problem addressed (needed to submit)').inputValue()).toBe(
      'Written here.',
    );

    const saved = savedBy(author);
    await author.getByLabel('Problem addressed (needed to submit)').fill('Written here, then saved.');
    await saved;
    await author
      .getByRole('status')
      .filter({ hasText: /^Saved at/ })
      .waitFor();
    await visit(other, `${draftPath}/edit`);
    expect(await other.getByLabel('Problem addressed (needed to submit)').inputValue()).toBe(
      'Written here, then saved.',
    );
    await other.close();
  });

  it('uploads a PDF, refuses a program named .pdf, downloads and deletes the PDF', async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    await visit(author, `${draftPath}/edit`);
    const file = author.getByLabel('Document to attach');
    await file.setInputFiles({ name: 'evaluation.pdf', mimeType: 'application/pdf', buffer: pdf });
    await author.getByRole('button', { name: 'Upload the document' }).click();
    await shows(author, '“evaluation.pdf” is attached.');
    const row = author.getByRole('row', { name: /evaluation\.pdf/ });
    await row.getByRole('cell', { name: 'PDF document' }).waitFor();
    await row.getByRole('cell', { name: `${pdf.length} bytes` }).waitFor();

    // The type comes from the content: a Windows program is refused whatever its name (415).
    const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(256, 0x90)]);
    await file.setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: program });
    await author.getByRole('button', { name: 'Upload the document' }).click();
    await shows(author, 'This file is not a PDF, DOCX, ODT, PNG or JPEG document');
    expect(await file.getAttribute('aria-invalid')).toBe('true');
    expect(await author.getByRole('row', { name: /report\.pdf/ }).count()).toBe(0);

    // Over 20 MB is refused in the browser, before anything is sent.
    const huge = Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024, 0x20)]);
    await file.setInputFiles({ name: 'huge.pdf', mimeType: 'application/pdf', buffer: huge });
    await author.getByRole('button', { name: 'Upload the document' }).click();
    await shows(author, 'This file is too large: documents may be at most 20 MB.');
    expect(await author.getByRole('row', { name: /huge\.pdf/ }).count()).toBe(0);

    // The practice page lists it too, and the site serves it as a download.
    await visit(author, draftPath);
    const link = author
      .getByRole('region', { name: 'Attachments' })
      .getByRole('link', { name: /evaluation\.pdf/ });
    const href = await link.getAttribute('href');
    const download = await author.request.get(href ?? '');
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(download.headers()['content-disposition']).toMatch(/^attachment;.*evaluation\.pdf/);
    expect(download.headers()['x-content-type-options']).toBe('nosniff');
    expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);

    await visit(author, `${draftPath}/edit`);
    await author.getByRole('button', { name: 'Delete: evaluation.pdf' }).click();
    await shows(author, 'Attachment deleted.');
    await author.getByText('No documents are attached.').waitFor();
    expect((await author.request.get(href ?? '')).status()).toBe(404);
  });

  it('notifies the author of a submission; marking it read lowers the count', async () => {
    const title = `Notified practice ${run}`;
    const token = await tokenOf('network');
    const practice = await createPractice(token, title);
    await fire(token, practice.id, 'submit');

    await reloadUntil(author, '/notifications', `Received: ${title}`);
    await expectNoAxeViolations(author);
    const before = await unreadInHeader(author);
    expect(before).toBeGreaterThan(0);
    // The notification leads to its practice.
    expect(await author.getByRole('link', { name: `Received: ${title}` }).getAttribute('href')).toBe(
      `/practices/${practice.id}`,
    );

    await author.getByRole('button', { name: `Mark as read: Received: ${title}` }).click();
    await shows(author, 'Notification marked as read.');
    expect(await unreadInHeader(author)).toBe(before - 1);
    expect(await author.getByRole('button', { name: `Mark as read: Received: ${title}` }).count()).toBe(0);

    if ((await author.getByRole('button', { name: 'Mark all as read' }).count()) > 0) {
      await author.getByRole('button', { name: 'Mark all as read' }).click();
      await shows(author, /notifications? marked as read/);
    }
    expect(await unreadInHeader(author)).toBe(0);
  });

  it('marks a notification read without JavaScript', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await logIn(page, demoLogin('network'));
    const title = `Quiet practice ${run}`;
    const token = await tokenOf('network');
    const practice = await createPractice(token, title);
    await fire(token, practice.id, 'submit');
    await reloadUntil(page, '/notifications', `Received: ${title}`);
    await page.getByRole('button', { name: `Mark as read: Received: ${title}` }).click();
    await shows(page, 'Notification marked as read.');
  });

  it('shows the workflow diagrams to everyone, linked from the footer', async () => {
    const visitor = await newPage();
    await visit(visitor, '/');
    await visitor.getByRole('link', { name: 'Workflow diagrams' }).click();
    await visitor.waitForURL('**/workflows');
    await expectNoAxeViolations(visitor);
    const practice = visitor.getByRole('table', { name: 'Transitions of the “Good practice” workflow' });
    const submit = practice.getByRole('row', { name: /^submit / });
    await submit.getByRole('cell', { name: 'draft', exact: true }).waitFor();
    await submit.getByRole('cell', { name: 'submitted', exact: true }).waitFor();
    await submit.getByRole('cell', { name: 'Yes: a rule is checked first' }).waitFor();
    await submit.getByRole('cell', { name: 'notifications.practice-submitted' }).waitFor();
    await visitor
      .getByRole('table', { name: 'Transitions of the “Review assignment” workflow' })
      .getByRole('row', { name: /^decline / })
      .waitFor();
    const practiceDiagram = visitor.locator('section', { has: practice }).locator('pre');
    expect(await practiceDiagram.textContent()).toContain('draft --> submitted: submit');
    // The pilot's workflow is there too, with its guarded activation.
    await visitor
      .getByRole('table', { name: 'Transitions of the “Pilot project” workflow' })
      .getByRole('row', { name: /^activate / })
      .waitFor();
  });

  describe('a practice through two review rounds to publication', () => {
    const firstTitle = `Published corridor ${run}`;
    const secondTitle = `Published corridor, revised ${run}`;
    let practiceId: string;

    beforeAll(async () => {
      const [admin, editor, network] = await Promise.all([
        tokenOf('admin'),
        tokenOf('editor'),
        tokenOf('network'),
      ]);
      const practice = await createPractice(network, firstTitle);
      practiceId = practice.id;
      await fire(network, practiceId, 'submit');
      await fire(editor, practiceId, 'start_screening');
      const reviewers = await reviewPanel(admin);
      await reviewRound(editor, practiceId, reviewers);
      await fire(editor, practiceId, 'send_to_review');
      await fire(editor, practiceId, 'request_revisions');

      // The authors answer with version 2.
      const current = await call('GET', `/api/practices/${practiceId}`, network);
      await call('PATCH', `/api/practices/${practiceId}`, network, {
        content: completeContent(secondTitle),
        version: current.version,
      });
      await fire(network, practiceId, 'resubmit');
      await fire(editor, practiceId, 'resume_review');
      await reviewRound(editor, practiceId, reviewers);
      await fire(editor, practiceId, 'accept');
      await fire(editor, practiceId, 'publish');
    }, 120_000);

    it('shows the author what changed between the versions', async () => {
      await visit(author, `/practices/${practiceId}`);
      const versions = author.getByRole('region', { name: 'Versions' });
      await versions.getByRole('rowheader', { name: 'Version 2' }).waitFor();
      await versions.getByRole('rowheader', { name: 'Version 1' }).waitFor();
      await versions.getByRole('link', { name: 'Compare versions' }).click();
      await author.waitForURL(/\/versions\?from=1&to=2$/);
      await expectNoAxeViolations(author);

      const changes = author.getByRole('table', { name: 'What changed from version 1 to version 2' });
      const title = changes.getByRole('row', { name: /^Title / });
      await title.getByRole('cell', { name: firstTitle, exact: true }).waitFor();
      await title.getByRole('cell', { name: secondTitle, exact: true }).waitFor();
      expect(await changes.getByRole('row').count()).toBe(2);

      // The same comparison the other way round, chosen in the GET form.
      await author.getByLabel('Earlier version').selectOption('2');
      await author.getByLabel('Later version').selectOption('1');
      await author.getByRole('button', { name: 'Compare' }).click();
      await author.waitForURL(/from=2&to=1/);
      await author.getByRole('table', { name: 'What changed from version 2 to version 1' }).waitFor();
    });

    it('lists the published practice in the library for anonymous visitors', async () => {
      const visitor = await newPage();
      await visit(visitor, '/');
      await visitor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
      await visitor.waitForURL('**/library');
      await expectNoAxeViolations(visitor);
      const card = visitor.getByRole('listitem').filter({ hasText: secondTitle });
      await card.getByText('Red de Mujeres Trabajadoras Migrantes (demo)').waitFor();
      await card.getByText('Philippines, United Arab Emirates').waitFor();
      await card.getByText('Returnee women train departing domestic workers on their rights.').waitFor();

      await card.getByRole('link', { name: secondTitle }).click();
      // The public reads the practice at its library page; nothing to edit or decide there.
      await visitor.waitForURL('**/library/practices/**');
      await expectNoAxeViolations(visitor);
      await visitor.getByRole('heading', { level: 1, name: secondTitle }).waitFor();
      expect(await visitor.getByRole('link', { name: 'Edit the practice' }).count()).toBe(0);
      expect(await visitor.getByRole('region', { name: 'What you can do next' }).count()).toBe(0);
    });

    it('answers 404 to the public for a draft', async () => {
      const visitor = await newPage();
      const response = await visitor.goto(draftPath);
      expect(response?.status()).toBe(404);
      await visitor.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      await expectNoAxeViolations(visitor);
    });
  });
});
