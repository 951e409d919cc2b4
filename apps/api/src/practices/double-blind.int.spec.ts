import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePracticeContent } from '../testing/practice-content';
import { onePersonPanel, reviewFixtures } from '../testing/review-fixtures';
import { bearer, startTestApi, type TestApi } from '../testing/test-api';

// A 1×1 transparent PNG.
const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const orgName = 'Casa de la Mujer Migrante';
const partners = ['Embassy of Mexico in Madrid', 'Sindicato de Trabajadoras del Hogar'];

describe('double-blind review hides the author from reviewers (field-level rules)', () => {
  let api: TestApi;
  let dir: string;
  let admin: string;
  let editor: string;
  let author: { token: string; id: string };
  let reviewer: { token: string; id: string };
  let editorReviewer: { token: string; id: string };
  let practiceId: string;
  let fx: ReturnType<typeof reviewFixtures>;

  const get = async (path: string, token: string) => {
    const response = await fx.call('GET', `/api/practices/${practiceId}${path}`, token);
    expect(response.statusCode, path).toBe(200);
    return response;
  };
  const setBlindMode = async (blindMode: 'single' | 'double') => {
    const { version } = (await fx.call('GET', '/api/review-policy', admin)).json();
    const saved = await fx.call('PUT', '/api/review-policy', admin, {
      ...onePersonPanel,
      blindMode,
      version,
    });
    expect(saved.statusCode).toBe(200);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pathways-blind-'));
    api = await startTestApi({ ATTACHMENTS_DIR: dir });
    admin = (await api.signUp({ roles: ['admin'] })).token;
    editor = (await api.signUp({ roles: ['editor'] })).token;
    fx = reviewFixtures(api, admin);
    await setBlindMode('single');
    const account = await api.signUp();
    author = { token: account.token, id: account.user.id };
    const org = await fx.organisation(author.token, orgName, 'civil_society', 'MX');
    reviewer = await fx.reviewer({ name: 'UN Women', kind: 'un_entity', country: null });
    const both = await api.signUp({ roles: ['editor', 'reviewer'] });
    editorReviewer = { token: both.token, id: both.user.id };

    const draft = await fx.call('POST', '/api/practices', author.token, {
      organisationId: org.id,
      content: { ...completePracticeContent, partners },
    });
    practiceId = draft.json().id;
    const boundary = `----pathways${randomBytes(8).toString('hex')}`;
    const upload = await api.request({
      method: 'POST',
      url: `/api/practices/${practiceId}/attachments`,
      headers: { ...bearer(author.token), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="poster.png"\r\n` +
            'Content-Type: image/png\r\n\r\n',
        ),
        tinyPng,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(upload.statusCode).toBe(201);
    expect((await fx.fire(practiceId, 'submit', author.token)).statusCode).toBe(200);
    expect((await fx.fire(practiceId, 'start_screening', editor)).statusCode).toBe(200);
    await fx.invite(practiceId, reviewer.id, editor);
    await fx.invite(practiceId, editorReviewer.id, editor);
    expect((await fx.fire(practiceId, 'send_to_review', editor)).statusCode).toBe(200);
    await fx.review(practiceId, reviewer.token, {
      recommendation: 'major_revisions',
      commentsToAuthors: 'More data.',
    });
    expect((await fx.fire(practiceId, 'request_revisions', editor, 'See the review.')).statusCode).toBe(200);
    const current = (await get('', author.token)).json();
    await fx.call('PATCH', `/api/practices/${practiceId}`, author.token, {
      version: current.version,
      content: {
        ...completePracticeContent,
        partners: [...partners, 'Ayuntamiento de Madrid'],
        outcomes: 'More.',
      },
    });
    expect((await fx.fire(practiceId, 'resubmit', author.token)).statusCode).toBe(200);
  });
  afterAll(async () => {
    await api?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows the author to reviewers under single-blind review', async () => {
    const practice = (await get('', reviewer.token)).json();
    expect(practice).toMatchObject({ organisationName: orgName, authorHidden: false });
    expect(practice.content.partners).toEqual([...partners, 'Ayuntamiento de Madrid']);
    const events = (await get('/events', reviewer.token)).json().items;
    expect(events.find((e: { transition: string }) => e.transition === 'submit').actorId).toBe(author.id);
    expect((await get('/attachments', reviewer.token)).json().items[0].uploadedById).toBe(author.id);
  });

  it('hides who submitted it, and the organisations it names, under double-blind review', async () => {
    await setBlindMode('double');
    const response = await get('', reviewer.token);
    expect(response.json()).toMatchObject({
      organisationId: null,
      organisationName: null,
      authorHidden: true,
      content: { title: completePracticeContent.title },
    });
    expect(response.json().content).not.toHaveProperty('partners');

    const list = (await fx.call('GET', '/api/practices', reviewer.token)).json();
    expect(list.items).toEqual([expect.objectContaining({ id: practiceId, organisationName: null })]);

    const version = (await get('/versions/1', reviewer.token)).json();
    expect(version.content).not.toHaveProperty('partners');
    const diff = (await get('/diff?from=1&to=2', reviewer.token)).json();
    expect(diff.changes.map((c: { field: string }) => c.field)).toEqual(['outcomes']);

    const events = (await get('/events', reviewer.token)).json().items as {
      transition: string;
      actorId: string | null;
    }[];
    expect(events.filter((e) => ['submit', 'resubmit'].includes(e.transition)).map((e) => e.actorId)).toEqual(
      [null, null],
    );
    expect(events.find((e) => e.transition === 'start_screening')?.actorId).toEqual(expect.any(String));
    const attachments = await get('/attachments', reviewer.token);
    expect(attachments.json().items[0]).toMatchObject({ filename: 'poster.png', uploadedById: null });

    for (const body of [response.body, attachments.body, JSON.stringify(version), JSON.stringify(diff)]) {
      expect(body).not.toContain(orgName);
      expect(body).not.toContain(author.id);
      for (const partner of partners) expect(body).not.toContain(partner);
    }
  });

  it('always shows the author to editors, even one who reviews it, and to the authors', async () => {
    await setBlindMode('double');
    for (const token of [editor, editorReviewer.token, author.token]) {
      const practice = (await get('', token)).json();
      expect(practice).toMatchObject({ organisationName: orgName, authorHidden: false });
      expect(practice.content.partners).toHaveLength(3);
      expect((await get('/versions/1', token)).json().content.partners).toEqual(partners);
      const diff = (await get('/diff?from=1&to=2', token)).json();
      expect(diff.changes.map((c: { field: string }) => c.field)).toEqual(['outcomes', 'partners']);
      const events = (await get('/events', token)).json().items;
      expect(events.find((e: { transition: string }) => e.transition === 'submit').actorId).toBe(author.id);
    }
  });
});
