import { EntityManager } from '@mikro-orm/postgresql';
import { refreshLibraryEntry } from '@pathways/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePracticeContent } from '../testing/practice-content';
import { onePersonPanel, reviewFixtures } from '../testing/review-fixtures';
import { bearer, startTestApi, type TestApi } from '../testing/test-api';

type Reviewer = Awaited<ReturnType<ReturnType<typeof reviewFixtures>['reviewer']>>;

describe('revising a published practice', () => {
  let api: TestApi;
  let admin: string;
  let editor: string;
  let author: string;
  let stranger: string;
  let orgId: string;
  let reviewer: Reviewer;
  let fx: ReturnType<typeof reviewFixtures>;

  const fired = async (id: string, transition: string, token: string, comment?: string) => {
    const response = await fx.fire(id, transition, token, comment);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  // The worker's publishing job does this; the API test stands in for it.
  const refreshLibrary = (id: string) => refreshLibraryEntry(api.app.get(EntityManager).fork(), id);
  const library = async (url: string) => {
    const response = await fx.call('GET', `/api/library/practices/${url}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  /** Screening, one review, acceptance: what both rounds go through. */
  const review = async (id: string) => {
    await fired(id, 'start_screening', editor);
    await fx.invite(id, reviewer.id, editor);
    await fired(id, 'send_to_review', editor);
    await fx.review(id, reviewer.token, { recommendation: 'accept', commentsToAuthors: 'Sound.' });
    await fired(id, 'accept', editor, 'The panel recommends it.');
  };

  const published = async (title: string) => {
    const created = await fx.call('POST', '/api/practices', author, {
      organisationId: orgId,
      content: { ...completePracticeContent, title },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    await fired(id, 'submit', author);
    await review(id);
    const done = await fired(id, 'publish', editor);
    await refreshLibrary(id);
    return done;
  };

  beforeAll(async () => {
    api = await startTestApi();
    admin = (await api.signUp({ roles: ['admin'] })).token;
    editor = (await api.signUp({ roles: ['editor'] })).token;
    author = (await api.signUp()).token;
    stranger = (await api.signUp()).token;
    fx = reviewFixtures(api, admin);
    expect(
      (await fx.call('PUT', '/api/review-policy', admin, { ...onePersonPanel, version: 0 })).statusCode,
    ).toBe(200);
    orgId = (await fx.organisation(author, 'Kanlungan Centre', 'civil_society', 'PH')).id;
    await fx.organisation(stranger, 'Another Centre', 'civil_society', 'PH');
    reviewer = await fx.reviewer({ name: 'UN Women', kind: 'un_entity', country: null });
  });
  afterAll(() => api?.close());

  it('publishes version 2 after the whole review and keeps version 1 at its permanent link', async () => {
    const first = await published('Pre-departure orientation');
    expect(first).toMatchObject({ status: 'published', versionNumber: 1, publishedVersionNumber: 1 });
    const options = (await fx.call('GET', `/api/practices/${first.id}/transitions`, author)).json();
    expect(options.items).toEqual([{ name: 'revise', enabled: true }]);

    const revising = await fired(first.id, 'revise', author);
    expect(revising).toMatchObject({
      status: 'draft',
      versionNumber: 2,
      publishedVersionNumber: 1,
      content: { title: 'Pre-departure orientation' },
    });
    // Concurrent edits still conflict.
    const stale = await fx.call('PATCH', `/api/practices/${first.id}`, author, {
      content: { ...completePracticeContent, title: 'Stale' },
      version: first.version,
    });
    expect(stale.statusCode).toBe(409);
    const edited = await fx.call('PATCH', `/api/practices/${first.id}`, author, {
      content: {
        ...completePracticeContent,
        title: 'Pre-departure orientation',
        summary: 'Now in 12 regions.',
      },
      version: revising.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ versionNumber: 2 });
    // Meanwhile the library shows version 1.
    expect((await library(first.slug)).versionNumber).toBe(1);

    await fired(first.id, 'submit', author);
    await review(first.id);
    const second = await fired(first.id, 'publish', editor);
    expect(second).toMatchObject({ status: 'published', versionNumber: 2, publishedVersionNumber: 2 });
    await refreshLibrary(first.id);

    const listed = await library(first.slug);
    expect(listed).toMatchObject({
      versionNumber: 2,
      content: { summary: 'Now in 12 regions.' },
      versions: [
        { number: 1, previousNumber: null, changedFields: [] },
        { number: 2, previousNumber: 1, changedFields: ['summary'] },
      ],
    });
    expect(listed.changes).toEqual([
      {
        field: 'summary',
        kind: 'changed',
        before: completePracticeContent.summary,
        after: 'Now in 12 regions.',
      },
    ]);
    const v1 = await library(`${first.slug}/versions/1`);
    expect(v1).toMatchObject({ versionNumber: 1, content: { summary: completePracticeContent.summary } });

    const events = (await fx.call('GET', `/api/practices/${first.id}/events`, editor)).json().items;
    const publications = events.filter((e: { transition: string }) => e.transition === 'publish');
    expect(publications).toHaveLength(2);
    const versions = (await fx.call('GET', `/api/practices/${first.id}/versions`, author)).json().items;
    expect(
      versions.map((v: { number: number; publishedAt: string | null }) => [v.number, !!v.publishedAt]),
    ).toEqual([
      [1, true],
      [2, true],
    ]);
  });

  it('returns to published version 1 when the authors withdraw the revision or the editors turn it down', async () => {
    const first = await published('Safe recruitment');
    await fired(first.id, 'revise', author);
    const withdrawn = (await fx.fire(first.id, 'withdraw', author)).json();
    expect(withdrawn).toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('published version'),
    });
    const back = await fired(first.id, 'withdraw_revision', author);
    expect(back).toMatchObject({ status: 'published', versionNumber: 1, publishedVersionNumber: 1 });
    await refreshLibrary(first.id);
    expect(await library(first.slug)).toMatchObject({ versionNumber: 1, retraction: null });
    expect((await fx.call('GET', `/api/practices/${first.id}`)).statusCode).toBe(200);

    await fired(first.id, 'revise', author);
    await fired(first.id, 'submit', author);
    await fired(first.id, 'start_screening', editor);
    const refused = await fx.fire(first.id, 'desk_reject_revision', editor);
    expect(refused.statusCode).toBe(400);
    const turnedDown = await fired(first.id, 'desk_reject_revision', editor, 'Nothing new.');
    expect(turnedDown).toMatchObject({ status: 'published', publishedVersionNumber: 1, versionNumber: 1 });
  });

  it('lets the editors retract a practice under revision, naming the published version', async () => {
    const first = await published('Helplines');
    await fired(first.id, 'revise', author);
    // Editors read a draft revision of a published practice, to retract it.
    const retracted = await fired(first.id, 'retract', editor, 'Data withdrawn by the source.');
    expect(retracted).toMatchObject({ status: 'retracted', versionNumber: 1 });
    const events = (await fx.call('GET', `/api/practices/${first.id}/events`, editor)).json().items;
    expect(events.at(-1)).toMatchObject({ transition: 'retract', toState: 'retracted' });
    await refreshLibrary(first.id);
    expect((await library(first.slug)).retraction).toMatchObject({ notice: 'Data withdrawn by the source.' });
  });

  it('freezes the attachments of a published practice, and lets no one else revise it', async () => {
    const first = await published('Shelters');
    expect((await fx.fire(first.id, 'revise', stranger)).statusCode).toBe(403);
    expect((await fx.fire(first.id, 'revise', editor)).statusCode).toBe(403);
    await fired(first.id, 'revise', author);
    const boundary = '----pathwaysrevision';
    const upload = await api.request({
      method: 'POST',
      url: `/api/practices/${first.id}/attachments`,
      headers: { ...bearer(author), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload:
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n` +
        `Content-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--${boundary}--\r\n`,
    });
    expect(upload.statusCode).toBe(409);
    expect(upload.json().message).toContain('published version 1 are frozen');
  });
});
