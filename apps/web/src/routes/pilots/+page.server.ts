import { Pilot, PilotInvitationPage, PilotPage, PilotStatus } from '@pathways/contracts';
import { countryName } from '$lib/format';
import { getLocale } from '$lib/paraglide/runtime';
import { ApiFailure } from '$lib/server/api-failure';
import { loadFailure } from '$lib/server/failures';
import { requireUser } from '$lib/server/guard';
import { answerInvitation } from '$lib/server/pilot-actions';
import { focalOrganisationIds, pilotLeadChoices } from '$lib/server/pilot-organisations';
import { pageParam } from '$lib/server/query';
import type { Actions, PageServerLoad } from './$types';

const pageSize = 20;

export const load: PageServerLoad = async ({ locals, url }) => {
  requireUser(locals, url);
  const locale = getLocale();
  const status = PilotStatus.safeParse(url.searchParams.get('status')).data ?? null;
  try {
    const [mine, invitations] = await Promise.all([
      locals.api.get('/api/pilots', PilotPage, {
        mine: 'true',
        pageSize,
        page: pageParam(url),
        ...(status ? { status } : {}),
      }),
      locals.api.get('/api/pilot-invitations', PilotInvitationPage, { status: 'invited', pageSize }),
    ]);
    // Invitations the user may answer offer the corridor's countries, to say where the organisation works.
    const answerable = focalOrganisationIds(locals);
    const corridors = await Promise.all(
      invitations.items.map(async (invitation) => {
        if (!answerable.has(invitation.organisation.id)) return [];
        try {
          const pilot = await locals.api.get(`/api/pilots/${invitation.pilot.id}`, Pilot);
          const codes = [...new Set((pilot.content.countries ?? []).map((c) => c.code))];
          return codes.map((code) => ({ value: code, label: countryName(code, locale) }));
        } catch (cause) {
          if (cause instanceof ApiFailure && cause.status === 404) return [];
          throw cause;
        }
      }),
    );
    return {
      mine,
      status,
      invitations: invitations.items.map((invitation, index) => ({
        ...invitation,
        canAnswer: answerable.has(invitation.organisation.id),
        corridor: corridors[index] ?? [],
      })),
      canCreate: pilotLeadChoices(locals).length > 0,
    };
  } catch (cause) {
    loadFailure(cause);
  }
};

export const actions: Actions = { answer: answerInvitation };
