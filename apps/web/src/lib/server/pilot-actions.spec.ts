import { describe, expect, it } from 'vitest';
import { AnswerInvitationInput, FirePilotTransitionInput } from '@pathways/contracts';
import type { ApiClient } from './api';
import { ApiFailure } from './api-failure';
import { actionEvent, testPilotId } from './testing/action-event';
import {
  answerBody,
  answerInvitation,
  draftPracticeFromPilot,
  firePilotTransition,
  invitePartner,
  transitionBody,
} from './pilot-actions';

const posted = (entries: [string, string][]): FormData => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

const pilotId = testPilotId;
const partnerId = '00000000-0000-4000-8000-000000000201';
const orgId = '00000000-0000-4000-8000-0000000000a1';

/** A stand-in for the web's API client that records what the action would send, and answers `reply`. */
function event(entries: [string, string][], reply: (path: string, body: unknown) => unknown) {
  const sent: { path: string; body: unknown }[] = [];
  const api = {
    post: async (path: string, _schema: unknown, body: unknown) => {
      sent.push({ path, body });
      return reply(path, body);
    },
  } as unknown as ApiClient;
  return { sent, event: actionEvent(entries, api) };
}

const stale = () => {
  throw new ApiFailure(409, {
    statusCode: 409,
    code: 'STALE_VERSION',
    message: 'The invitation changed',
    requestId: 'r1',
  });
};

describe('pilot form actions', () => {
  it('sends an acceptance with its version and the countries ticked, once each', () => {
    const { body, transition } = answerBody(
      posted([
        ['pilotId', pilotId],
        ['partnerId', partnerId],
        ['transition', 'accept'],
        ['version', '2'],
        ['countries', 'MX'],
        ['countries', 'PH'],
        ['countries', 'MX'],
      ]),
    );
    expect(transition).toBe('accept');
    expect(body).toEqual({ version: 2, countries: ['MX', 'PH'] });
    expect(AnswerInvitationInput.parse(body)).toEqual(body);
    // Declining and withdrawing send the version only.
    expect(
      answerBody(
        posted([
          ['transition', 'decline'],
          ['version', '2'],
          ['countries', 'MX'],
        ]),
      ).body,
    ).toEqual({
      version: 2,
    });
  });

  it('sends a close with its reason, and another transition with the version alone', () => {
    const close = transitionBody(
      posted([
        ['transition', 'close'],
        ['version', '5'],
        ['reason', '  Funding ended  '],
      ]),
    );
    expect(close).toEqual({
      name: 'close',
      reason: 'Funding ended',
      body: { version: 5, reason: 'Funding ended' },
    });
    expect(FirePilotTransitionInput.parse(close.body)).toEqual(close.body);
    expect(
      transitionBody(
        posted([
          ['transition', 'activate'],
          ['version', '5'],
        ]),
      ).body,
    ).toEqual({ version: 5 });
  });

  it('posts the answer to the invitation’s transition, and turns a 409 into a message with the row named', async () => {
    const ok = event(
      [
        ['pilotId', pilotId],
        ['partnerId', partnerId],
        ['transition', 'accept'],
        ['version', '1'],
      ],
      () => ({ status: 'accepted' }),
    );
    expect(await answerInvitation(ok.event)).toEqual({
      answered: 'accept',
      partnerStatus: 'accepted',
      target: `partner-${partnerId}`,
    });
    expect(ok.sent).toEqual([
      {
        path: `/api/pilots/${pilotId}/partners/${partnerId}/transitions/accept`,
        body: { version: 1, countries: [] },
      },
    ]);

    const late = event(
      [
        ['pilotId', pilotId],
        ['partnerId', partnerId],
        ['transition', 'decline'],
        ['version', '1'],
      ],
      stale,
    );
    const refused = await answerInvitation(late.event);
    expect(refused).toMatchObject({
      status: 409,
      data: { code: 'STALE_VERSION', target: `partner-${partnerId}` },
    });
    expect((refused as { data: { message: string } }).data.message).toMatch(/Someone changed this pilot/);
  });

  it('refuses an unknown answer and a close without a reason before asking the API', async () => {
    const odd = event(
      [
        ['transition', 'delete'],
        ['version', '1'],
      ],
      () => ({}),
    );
    expect(await answerInvitation(odd.event)).toMatchObject({ status: 400 });
    const close = event(
      [
        ['transition', 'close'],
        ['version', '3'],
      ],
      () => ({}),
    );
    expect(await firePilotTransition(close.event)).toMatchObject({
      status: 400,
      data: { errors: { reason: 'Give the reason for closing the pilot.' }, target: 'transition-close' },
    });
    expect([...odd.sent, ...close.sent]).toEqual([]);
  });

  it('checks an invitation at its fields, then sends it to the pilot', async () => {
    const empty = event(
      [
        ['organisationId', ''],
        ['role', 'lead'],
        ['message', ''],
      ],
      () => ({}),
    );
    expect(await invitePartner(empty.event)).toMatchObject({
      status: 400,
      data: {
        target: 'invite',
        errors: { organisationId: 'Choose the organisation to invite.', role: "Choose the partner's role." },
      },
    });
    const good = event(
      [
        ['organisationId', orgId],
        ['role', 'technical'],
        ['message', ' Join us '],
      ],
      () => ({ organisation: { name: 'UN Women' } }),
    );
    expect(await invitePartner(good.event)).toEqual({ invited: 'UN Women', target: 'invite' });
    expect(good.sent).toEqual([
      {
        path: `/api/pilots/${pilotId}/partners`,
        body: { organisationId: orgId, role: 'technical', message: 'Join us' },
      },
    ]);
  });

  it('asks for the practice draft of a completed pilot and goes on to edit it', async () => {
    const practiceId = '00000000-0000-4000-8000-000000000300';
    const ask = event([], () => ({ id: practiceId }));
    await expect(draftPracticeFromPilot(ask.event)).rejects.toMatchObject({
      status: 303,
      location: `/practices/${practiceId}/edit`,
    });
    expect(ask.sent).toEqual([{ path: `/api/pilots/${pilotId}/practice-draft`, body: undefined }]);
  });
});
