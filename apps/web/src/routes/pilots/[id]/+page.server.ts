import {
  AvailableTransitions,
  invitedPartnerRoles,
  Pilot,
  PilotPracticeList,
  WorkflowEventList,
} from '@pathways/contracts';
import type { Vocabulary } from '@pathways/contracts';
import { countryName } from '$lib/format';
import { corridorMap } from '$lib/pilots/corridor-map';
import { getLocale } from '$lib/paraglide/runtime';
import { loadFailure } from '$lib/server/failures';
import { requireUser } from '$lib/server/guard';
import {
  answerInvitation,
  draftPracticeFromPilot,
  firePilotTransition,
  invitePartner,
} from '$lib/server/pilot-actions';
import { pilotTransitionViews } from '$lib/server/pilot-guard';
import {
  inviteAction,
  inviteCountries,
  inviteSearchFromUrl,
  isInviteSearch,
} from '$lib/server/pilot-invite-search';
import { focalOrganisationIds, invitableOrganisations, leadsPilot } from '$lib/server/pilot-organisations';
import { vocabularyOptions } from '$lib/server/taxonomy';
import type { Actions, PageServerLoad } from './$types';

// The corridor map is drawn on the server and needs no script; every form here is a plain POST.
export const csr = false;

/** States in which the lead still shapes the pilot: edits the proposal and invites partners. */
const openStates: readonly string[] = ['draft', 'proposed', 'forming'];

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireUser(locals, url);
  const locale = getLocale();
  const id = encodeURIComponent(params.id);
  try {
    const [pilot, transitions, events, practices] = await Promise.all([
      locals.api.get(`/api/pilots/${id}`, Pilot),
      locals.api.get(`/api/pilots/${id}/transitions`, AvailableTransitions),
      locals.api.get(`/api/pilots/${id}/events`, WorkflowEventList),
      locals.api.get(`/api/pilots/${id}/practices`, PilotPracticeList),
    ]);
    const lead = leadsPilot(locals, pilot);
    const open = openStates.includes(pilot.status);
    const inviting = lead && open;
    const search = inviteSearchFromUrl(url);
    const labelsOf = async (vocabulary: Vocabulary) =>
      Object.fromEntries(
        (await vocabularyOptions(locals.api, vocabulary, locale)).map((o) => [o.value, o.label]),
      );
    const [themes, stages, frameworks, choices, kinds] = await Promise.all([
      labelsOf('theme'),
      labelsOf('stage'),
      labelsOf('framework'),
      inviting ? invitableOrganisations(locals.api, pilot, search) : null,
      inviting ? vocabularyOptions(locals.api, 'organisation_kind', locale) : [],
    ]);
    const countries = (pilot.content.countries ?? []).map((c) => ({
      ...c,
      name: countryName(c.code, locale),
    }));
    const answerable = focalOrganisationIds(locals);
    return {
      pilot,
      corridor: corridorMap(countries),
      countryNames: Object.fromEntries(countries.map((c) => [c.code, c.name])),
      transitions: pilotTransitionViews(transitions.items, pilot, locale),
      events: events.items,
      terms: { themes, stages, frameworks },
      canEdit: lead && open,
      canInvite: inviting,
      practices: practices.items,
      // Once completed, the lead turns the results into a good-practice draft, once.
      canDraftPractice: lead && pilot.status === 'completed' && practices.items.length === 0,
      // The lead's search for partners (`?find=&kind=&country=`) and what it matched.
      invite: choices && {
        search,
        searching: isInviteSearch(search),
        action: inviteAction(search),
        ...choices,
        kinds,
        countries: inviteCountries(pilot, locale),
      },
      roles: [...invitedPartnerRoles],
      // Invitations the user answers here, for an organisation they are a focal point of.
      answerable: pilot.partners
        .filter((p) => p.status === 'invited' && answerable.has(p.organisation.id))
        .map((p) => p.id),
    };
  } catch (cause) {
    loadFailure(cause);
  }
};

export const actions: Actions = {
  fire: firePilotTransition,
  invite: invitePartner,
  answer: answerInvitation,
  practiceDraft: draftPracticeFromPilot,
};
