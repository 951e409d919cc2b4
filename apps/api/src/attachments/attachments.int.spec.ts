import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePracticeContent } from '../testing/practice-content';
import { reviewFixtures } from '../testing/review-fixtures';
import { bearer, startTestApi, type TestApi } from '../testing/test-api';

const limit = 4096;

/** A one-page PDF with a correct cross-reference table. */
function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

// A 1×1 transparent PNG.
const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function form(filename: string, bytes: Buffer, { field = 'file', type = 'application/pdf' } = {}) {
  const boundary = `----pathways${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
        `Content-Type: ${type}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('practice attachments', () => {
  let api: TestApi;
  let dir: string;
  let admin: string;
  let owner: string;
  let stranger: string;
  let orgId: string;

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, payload?: object) =>
    api.request({ method, url, payload, headers: token ? bearer(token) : {} });
  const upload = (practiceId: string, token: string, body: ReturnType<typeof form>) =>
    api.request({
      method: 'POST',
      url: `/api/practices/${practiceId}/attachments`,
      payload: body.payload,
      headers: { ...body.headers, ...bearer(token) },
    });
  const draft = async (content: object = { title: 'Care chains' }) => {
    const response = await call('POST', '/api/practices', owner, { organisationId: orgId, content });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string; version: number }>();
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pw-attachments-'));
    api = await startTestApi({ ATTACHMENTS_DIR: dir, ATTACHMENT_MAX_BYTES: String(limit) });
    admin = (await api.signUp({ roles: ['admin'] })).token;
    owner = (await api.signUp()).token;
    stranger = (await api.signUp()).token;
    const org = await reviewFixtures(api, admin).organisation(
      owner,
      'Kanlungan Centre',
      'civil_society',
      null,
    );
    orgId = org.id;
  });
  afterAll(async () => {
    await api?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores a PDF and a PNG, lists them, and serves the same bytes with safe headers', async () => {
    const practice = await draft();
    const pdf = tinyPdf();
    const created = await upload(practice.id, owner, form('Informe protección.pdf', pdf));
    expect(created.statusCode).toBe(201);
    const meta = created.json();
    expect(meta).toMatchObject({
      practiceId: practice.id,
      filename: 'Informe protección.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await filesUnder(dir)).toEqual([join(dir, meta.sha256.slice(0, 2), meta.sha256)]);

    const png = await upload(practice.id, owner, form('pixel.png', tinyPng, { type: 'image/png' }));
    expect(png.statusCode).toBe(201);
    expect(png.json().mediaType).toBe('image/png');

    const listed = await call('GET', `/api/practices/${practice.id}/attachments`, owner);
    expect(listed.json().items.map((a: { id: string }) => a.id)).toEqual([meta.id, png.json().id]);

    const file = await call('GET', `/api/attachments/${meta.id}`, owner);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect(file.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="Informe protecci_n.pdf"; filename*=UTF-8''Informe%20protecci%C3%B3n.pdf`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'cache-control': 'private',
      etag: `"${meta.sha256}"`,
    });
    const again = await api.request({
      method: 'GET',
      url: `/api/attachments/${meta.id}`,
      headers: { ...bearer(owner), 'if-none-match': `"${meta.sha256}"` },
    });
    expect(again.statusCode).toBe(304);
  });

  it('trusts the content, not the name: PNG bytes named .pdf are a PNG', async () => {
    const practice = await draft();
    const response = await upload(practice.id, owner, form('report.pdf', tinyPng));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ filename: 'report.pdf', mediaType: 'image/png' });
    const file = await call('GET', `/api/attachments/${response.json().id}`, owner);
    expect(file.headers['content-type']).toBe('image/png');
  });

  it('refuses executables and HTML disguised as PDF, leaving nothing behind', async () => {
    const practice = await draft();
    const before = await filesUnder(dir);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    const html = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');
    for (const bytes of [exe, html]) {
      const response = await upload(practice.id, owner, form('report.pdf', bytes));
      expect(response.statusCode).toBe(415);
      expect(response.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(response.json().message).toMatch(/PDF, DOCX, ODT, PNG or JPEG/);
    }
    expect(await filesUnder(dir)).toEqual(before);
  });

  it('refuses files over the limit with 413, leaving nothing behind', async () => {
    const practice = await draft();
    const before = await filesUnder(dir);
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(limit)]);
    const response = await upload(practice.id, owner, form('big.pdf', big));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(response.json().message).toMatch(/at most/);
    expect(await filesUnder(dir)).toEqual(before);
    const listed = await call('GET', `/api/practices/${practice.id}/attachments`, owner);
    expect(listed.json().items).toEqual([]);
  });

  it('asks for the file in the "file" field', async () => {
    const practice = await draft();
    const response = await upload(practice.id, owner, form('a.pdf', tinyPdf(), { field: 'document' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([expect.objectContaining({ path: 'file' })]);
  });

  it('hides a draft and its attachments from strangers and the public', async () => {
    const practice = await draft();
    const meta = (await upload(practice.id, owner, form('a.pdf', tinyPdf()))).json();
    expect((await upload(practice.id, stranger, form('b.pdf', tinyPdf()))).statusCode).toBe(404);
    expect((await call('GET', `/api/practices/${practice.id}/attachments`, stranger)).statusCode).toBe(404);
    expect((await call('GET', `/api/attachments/${meta.id}`, stranger)).statusCode).toBe(404);
    expect((await call('GET', `/api/attachments/${meta.id}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/attachments/${meta.id}`, stranger)).statusCode).toBe(404);
    expect((await call('GET', '/api/attachments/not-a-uuid', owner)).statusCode).toBe(404);
  });

  it('freezes attachments once the practice is submitted', async () => {
    const complete = completePracticeContent;
    const practice = await draft(complete);
    const meta = (await upload(practice.id, owner, form('a.pdf', tinyPdf()))).json();
    const submitted = await call('POST', `/api/practices/${practice.id}/transitions/submit`, owner, {
      version: practice.version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);

    const late = await upload(practice.id, owner, form('late.pdf', tinyPdf()));
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('INVALID_STATE');
    expect((await call('DELETE', `/api/attachments/${meta.id}`, owner)).statusCode).toBe(409);
    expect((await call('GET', `/api/attachments/${meta.id}`, owner)).statusCode).toBe(200);
  });

  it('keeps identical content once, and deletes the file with its last attachment', async () => {
    const practice = await draft();
    const bytes = Buffer.concat([tinyPdf(), randomBytes(16)]);
    const first = (await upload(practice.id, owner, form('one.pdf', bytes))).json();
    const second = (await upload(practice.id, owner, form('two.pdf', bytes))).json();
    expect(second.sha256).toBe(first.sha256);
    const path = join(dir, first.sha256.slice(0, 2), first.sha256);
    expect((await filesUnder(dir)).filter((f) => f === path)).toHaveLength(1);

    expect((await call('DELETE', `/api/attachments/${first.id}`, owner)).statusCode).toBe(204);
    expect(await filesUnder(dir)).toContain(path);
    expect((await call('GET', `/api/attachments/${first.id}`, owner)).statusCode).toBe(404);
    expect((await call('GET', `/api/attachments/${second.id}`, owner)).statusCode).toBe(200);

    expect((await call('DELETE', `/api/attachments/${second.id}`, owner)).statusCode).toBe(204);
    expect(await filesUnder(dir)).not.toContain(path);
  });
});
