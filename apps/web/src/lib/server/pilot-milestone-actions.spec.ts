import { describe, expect, it } from 'vitest';
import type { ApiClient } from './api';
import { ApiFailure } from './api-failure';
import { actionEvent, testPilotId } from './testing/action-event';
import { removeMilestone, updateMilestone } from './pilot-milestone-actions';

const pilotId = testPilotId;
const milestoneId = '00000000-0000-4000-8000-000000000201';
const milestones = `/api/pilots/${pilotId}/milestones`;

/** A stand-in for the web's API client that records what the action sends, and throws `refusal` if given. */
function event(entries: [string, string][], refusal?: { status: number; code: string }) {
  const sent: { method: string; path: string; body: unknown }[] = [];
  const answer = async (method: string, path: string, body?: unknown) => {
    sent.push({ method, path, body });
    if (refusal)
      throw new ApiFailure(refusal.status, {
        statusCode: refusal.status,
        code: refusal.code,
        message: refusal.code,
        requestId: 'r',
      } as never);
    return { title: 'Helpline opens' };
  };
  const api = {
    patch: (path: string, _schema: unknown, body?: unknown) => answer('PATCH', path, body),
    send: async (method: string, path: string, body?: unknown) => {
      await answer(method, path, body);
    },
  } as unknown as ApiClient;
  return { sent, event: actionEvent(entries, api) };
}

const removal: [string, string][] = [
  ['id', milestoneId],
  ['title', 'Helpline opens'],
  ['version', '4'],
];

describe('pilot milestone actions', () => {
  it('removes a milestone with the version its confirmation showed', async () => {
    const ok = event(removal);
    expect(await removeMilestone(ok.event)).toEqual({
      milestoneRemoved: 'Helpline opens',
      target: `milestone-${milestoneId}`,
    });
    expect(ok.sent).toEqual([
      { method: 'DELETE', path: `${milestones}/${milestoneId}?version=4`, body: undefined },
    ]);
  });

  it('says, naming it, that the milestone changed since the confirmation (409), and that it is gone (404)', async () => {
    const changed = event(removal, { status: 409, code: 'STALE_VERSION' });
    expect(await removeMilestone(changed.event)).toMatchObject({
      status: 409,
      data: {
        code: 'STALE_VERSION',
        target: `milestone-${milestoneId}`,
        message:
          '“Helpline opens” was changed by someone else since you asked to remove it. Here it is as it is now: remove it again if you still want to.',
      },
    });
    const gone = event(removal, { status: 404, code: 'NOT_FOUND' });
    expect(await removeMilestone(gone.event)).toMatchObject({
      status: 404,
      data: { message: 'This milestone is no longer there: someone may have removed it already.' },
    });
  });

  it('asks the API nothing without a version to remove at', async () => {
    const none = event(removal.filter(([name]) => name !== 'version'));
    expect(await removeMilestone(none.event)).toMatchObject({ status: 400 });
    expect(none.sent).toEqual([]);
  });

  it('saves a milestone’s status and progress with the version its row showed', async () => {
    const ok = event([
      ['id', milestoneId],
      ['status', 'in_progress'],
      ['progress', '40'],
      ['version', '4'],
    ]);
    expect(await updateMilestone(ok.event)).toEqual({
      milestoneSaved: 'Helpline opens',
      target: `milestone-${milestoneId}`,
    });
    expect(ok.sent).toEqual([
      {
        method: 'PATCH',
        path: `${milestones}/${milestoneId}`,
        body: { status: 'in_progress', progress: 40, version: 4 },
      },
    ]);
  });
});
