import { describe, expect, it } from 'vitest';
import type { ApiClient } from './api';
import { ApiFailure } from './api-failure';
import { actionEvent, testPilotId } from './testing/action-event';
import {
  discardReport,
  draftReport,
  refreshReport,
  submitReport,
  updateReport,
} from './pilot-report-actions';

const pilotId = testPilotId;
const reportId = '00000000-0000-4000-8000-000000000301';
const reports = `/api/pilots/${pilotId}/reports`;

type Reply = (method: string, path: string, body: unknown) => unknown;

/** A stand-in for the web's API client that records what the action would send, and answers `reply`. */
function event(entries: [string, string][], reply: Reply) {
  const sent: { method: string; path: string; body: unknown }[] = [];
  const answer = (method: string) => async (path: string, _schema: unknown, body?: unknown) => {
    sent.push({ method, path, body });
    return reply(method, path, body);
  };
  const send = async (method: string, path: string, body?: unknown) => {
    sent.push({ method, path, body });
    reply(method, path, body);
  };
  const api = {
    get: answer('GET'),
    post: answer('POST'),
    patch: answer('PATCH'),
    send,
  } as unknown as ApiClient;
  return { sent, event: actionEvent(entries, api) };
}

/** What the API client throws for a refusal. */
const refuse = (status: number, code: string, issues?: { path: string; message: string }[]): never => {
  throw new ApiFailure(status, {
    statusCode: status,
    code,
    message: code,
    requestId: 'r',
    issues,
  } as never);
};
const failing =
  (status: number, code: string, issues?: { path: string; message: string }[]): Reply =>
  () =>
    refuse(status, code, issues);

const networkId = '00000000-0000-4000-8000-0000000000a1';
const edit: [string, string][] = [
  ['id', reportId],
  ['version', '3'],
  ['organisationId', networkId],
  ['period.start', '2027-01-01'],
  ['period.end', '2027-06-30'],
  ['narrative', 'Mine'],
  ['indicators.0.indicator', 'Workers oriented'],
  ['indicators.0.women', ''],
  ['indicators.0.men', ''],
  ['indicators.1.indicator', 'Cases resolved'],
  ['indicators.1.women', '7'],
  ['indicators.1.men', ''],
];

describe('pilot report actions', () => {
  it('saves a draft’s changes with the version its form showed', async () => {
    const ok = event(edit, () => ({ version: 4 }));
    expect(await updateReport(ok.event)).toEqual({
      reportDrafted: true,
      version: 4,
      target: `report-edit-${reportId}`,
    });
    expect(ok.sent).toEqual([
      {
        method: 'PATCH',
        path: `${reports}/${reportId}`,
        body: {
          period: { start: '2027-01-01', end: '2027-06-30' },
          narrative: 'Mine',
          indicators: [{ indicator: 'Cases resolved', women: 7, men: null }],
          version: 3,
        },
      },
    ]);
  });

  it('keeps the input on a 409 and says someone changed the report; a reload keeps it with the latest version', async () => {
    const late = event(edit, failing(409, 'STALE_VERSION'));
    expect(await updateReport(late.event)).toMatchObject({
      status: 409,
      data: {
        code: 'STALE_VERSION',
        message: 'Someone changed this report in the meantime.',
        target: `report-edit-${reportId}`,
        values: { version: '3', narrative: 'Mine', 'indicators.1.women': '7' },
      },
    });
    const reload = event(edit, () => ({ version: 5, submittedAt: null }));
    expect(await refreshReport(reload.event)).toMatchObject({
      reportRefreshed: true,
      target: `report-edit-${reportId}`,
      values: { version: '5', narrative: 'Mine', 'indicators.1.women': '7' },
    });
    expect(reload.sent).toEqual([{ method: 'GET', path: `${reports}/${reportId}`, body: undefined }]);
    const filed = event(edit, () => ({ version: 6, submittedAt: '2027-07-01T00:00:00.000Z' }));
    expect(await refreshReport(filed.event)).toMatchObject({
      status: 409,
      data: { code: 'INVALID_STATE', target: 'report-new', asNewDraft: true, values: { narrative: 'Mine' } },
    });
    const discarded = event(edit, failing(404, 'NOT_FOUND'));
    expect(await refreshReport(discarded.event)).toMatchObject({
      status: 404,
      data: { target: 'report-new', asNewDraft: true, values: { narrative: 'Mine' } },
    });
  });

  it('hands the input of a draft submitted meanwhile to the new-draft form, to save as a new draft', async () => {
    const answers: Reply = (method) => {
      if (method === 'GET') return { version: 4, submittedAt: '2027-07-01T00:00:00.000Z' };
      return refuse(409, 'INVALID_STATE');
    };
    const submittedElsewhere = event([...edit, ['compiled', 'on']], answers);
    const refused = await updateReport(submittedElsewhere.event);
    expect(refused).toMatchObject({
      status: 409,
      data: {
        code: 'INVALID_STATE',
        target: 'report-new',
        asNewDraft: true,
        message: expect.stringMatching(/^This draft was submitted in the meantime .* save it as a new draft/),
        values: {
          organisationId: networkId,
          compiled: 'on',
          'period.start': '2027-01-01',
          narrative: 'Mine',
          'indicators.1.women': '7',
        },
      },
    });
    // Not the old draft's: the new one is a draft of its own.
    expect((refused as { data: { values: object } }).data.values).not.toHaveProperty('id');
    expect((refused as { data: { values: object } }).data.values).not.toHaveProperty('version');
    expect(submittedElsewhere.sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      `PATCH ${reports}/${reportId}`,
      `GET ${reports}/${reportId}`,
    ]);

    // What the new-draft form then posts (its select and checkbox filled from the kept input).
    const kept = (refused as { data: { values: Record<string, string> } }).data.values;
    const again = event(
      [
        ...Object.entries(kept),
        ['indicators.0.indicator', 'Workers oriented'],
        ['indicators.1.indicator', 'Cases resolved'],
      ],
      () => ({ id: 'new' }),
    );
    expect(await draftReport(again.event)).toEqual({ reportDrafted: true, target: 'report-new' });
    expect(again.sent).toEqual([
      {
        method: 'POST',
        path: reports,
        body: {
          organisationId: networkId,
          compiled: true,
          period: { start: '2027-01-01', end: '2027-06-30' },
          narrative: 'Mine',
          indicators: [{ indicator: 'Cases resolved', women: 7, men: null }],
        },
      },
    ]);

    const discardedElsewhere = event(edit, failing(404, 'NOT_FOUND'));
    expect(await updateReport(discardedElsewhere.event)).toMatchObject({
      status: 404,
      data: {
        target: 'report-new',
        asNewDraft: true,
        message: expect.stringMatching(/^This draft was discarded in the meantime/),
        values: { narrative: 'Mine' },
      },
    });
  });

  it('keeps the input in the edit form when the draft is still one but the pilot no longer takes reports', async () => {
    const closed = event(edit, (method) =>
      method === 'GET' ? { version: 3, submittedAt: null } : refuse(409, 'INVALID_STATE'),
    );
    expect(await updateReport(closed.event)).toMatchObject({
      status: 409,
      data: {
        target: `report-edit-${reportId}`,
        message: 'This report can no longer change: it was submitted, or the pilot no longer takes reports.',
        values: { version: '3', narrative: 'Mine' },
      },
    });
  });

  it('submits the draft open in the edit form with what is typed in it: saved first, then filed', async () => {
    const ok = event(edit, (method) => (method === 'PATCH' ? { version: 4 } : { version: 5 }));
    expect(await submitReport(ok.event)).toEqual({
      reportSubmitted: true,
      target: `report-edit-${reportId}`,
    });
    expect(
      ok.sent.map(({ method, path, body }) => [method, path, (body as { version: number }).version]),
    ).toEqual([
      ['PATCH', `${reports}/${reportId}`, 3],
      ['POST', `${reports}/${reportId}/submit`, 4],
    ]);
    expect(ok.sent[0]?.body).toMatchObject({ narrative: 'Mine' });

    // Saved, but the pilot stopped taking reports before it was filed: the form goes on from the saved version.
    const late = event(edit, (method, path) => {
      if (method === 'PATCH') return { version: 4 };
      if (method === 'GET') return { version: 4, submittedAt: null };
      if (path.endsWith('/submit')) return refuse(409, 'INVALID_STATE');
    });
    expect(await submitReport(late.event)).toMatchObject({
      status: 409,
      data: { target: `report-edit-${reportId}`, values: { version: '4', narrative: 'Mine' } },
    });

    const elsewhere = event(edit, (method) =>
      method === 'GET'
        ? { version: 4, submittedAt: '2027-07-01T00:00:00.000Z' }
        : refuse(409, 'INVALID_STATE'),
    );
    expect(await submitReport(elsewhere.event)).toMatchObject({
      status: 409,
      data: { target: 'report-new', asNewDraft: true, values: { narrative: 'Mine' } },
    });
  });

  it('discards a draft with the version its confirmation showed, and says when it changed since', async () => {
    const posted: [string, string][] = [
      ['id', reportId],
      ['version', '2'],
      ['period', '1 Jan 2027 – 30 Jun 2027'],
    ];
    const ok = event(posted, () => undefined);
    expect(await discardReport(ok.event)).toEqual({
      reportDiscarded: '1 Jan 2027 – 30 Jun 2027',
      target: `report-${reportId}`,
    });
    expect(ok.sent).toEqual([
      { method: 'DELETE', path: `${reports}/${reportId}?version=2`, body: undefined },
    ]);
    for (const [code, status, message] of [
      [
        'STALE_VERSION',
        409,
        'This draft was saved again since you asked to discard it. Look at it again, then discard it if you still want to.',
      ],
      ['INVALID_STATE', 409, /^This draft can no longer be discarded/],
      ['NOT_FOUND', 404, /^This draft is no longer there/],
    ] as const) {
      const refused = event(posted, failing(status, code));
      expect(await discardReport(refused.event), code).toMatchObject({
        status,
        data: { code, target: `report-${reportId}`, message: expect.stringMatching(message) },
      });
    }
    const bad = event(
      [
        ['id', reportId],
        ['version', 'x'],
      ],
      () => undefined,
    );
    expect(await discardReport(bad.event)).toMatchObject({ status: 400 });
    expect(bad.sent).toEqual([]);
  });

  it('shows the API’s figure issues on the form row they were typed in', async () => {
    const refused = event(
      edit,
      failing(400, 'VALIDATION_FAILED', [{ path: 'indicators.0.indicator', message: 'not a target' }]),
    );
    expect(await updateReport(refused.event)).toMatchObject({
      status: 400,
      data: {
        errors: { 'indicators.1.indicator': "This is not one of the pilot's target indicators." },
        message: null,
      },
    });
    const word = event(
      [...edit.filter(([name]) => name !== 'indicators.1.women'), ['indicators.1.women', 'many']],
      () => ({}),
    );
    expect(await draftReport(word.event)).toMatchObject({
      status: 400,
      data: { target: 'report-new', errors: { 'indicators.1.women': 'Enter a number, such as 1250.' } },
    });
    expect(word.sent).toEqual([]);
  });

  it('submits a draft with its version, and names a report that is gone', async () => {
    const ok = event(
      [
        ['id', reportId],
        ['version', '2'],
      ],
      () => ({}),
    );
    expect(await submitReport(ok.event)).toEqual({ reportSubmitted: true, target: `report-${reportId}` });
    expect(ok.sent).toEqual([
      { method: 'POST', path: `${reports}/${reportId}/submit`, body: { version: 2 } },
    ]);
    const gone = event(
      [
        ['id', reportId],
        ['version', '2'],
      ],
      failing(404, 'NOT_FOUND'),
    );
    expect(await submitReport(gone.event)).toMatchObject({
      status: 404,
      data: { message: 'This report is no longer there.' },
    });
  });
});
