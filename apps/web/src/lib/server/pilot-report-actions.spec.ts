import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import type { ApiClient } from './api';
import { ApiFailure } from './api-failure';
import { draftReport, refreshReport, submitReport, updateReport } from './pilot-report-actions';

const pilotId = '00000000-0000-4000-8000-000000000100';
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
  const api = { get: answer('GET'), post: answer('POST'), patch: answer('PATCH') } as unknown as ApiClient;
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  const request = new Request('http://web.test/pilots', { method: 'POST', body: data });
  const locals = { user: { id: 'u1' }, api, memberships: [], rules: [] } as unknown as App.Locals;
  return {
    sent,
    event: {
      request,
      locals,
      url: new URL('http://web.test/pilots'),
      params: { id: pilotId },
    } as unknown as RequestEvent,
  };
}

const failing =
  (status: number, code: string, issues?: { path: string; message: string }[]): Reply =>
  () => {
    throw new ApiFailure(status, {
      statusCode: status,
      code,
      message: code,
      requestId: 'r',
      issues,
    } as never);
  };

const edit: [string, string][] = [
  ['id', reportId],
  ['version', '3'],
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
      data: { code: 'INVALID_STATE', values: { narrative: 'Mine' } },
    });
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
