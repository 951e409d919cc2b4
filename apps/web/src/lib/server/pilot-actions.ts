import { redirect, type RequestEvent } from '@sveltejs/kit';
import {
  AnswerInvitationInput,
  FirePilotTransitionInput,
  InvitePartnerInput,
  Pilot,
  PilotPartner,
  Practice,
} from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { actionFailure, invalidForm, type CodeMessages } from './failures';
import { check, formValues } from './form';
import { requireUser } from './guard';

/** A 409 on a pilot or an invitation means the page is out of date: say so, and offer a reload. */
const staleCodes: CodeMessages = {
  STALE_VERSION: m.pilots_error_stale,
  INVALID_STATE: m.pilots_error_stale,
  CONFLICT: m.pilots_error_stale,
};

const encode = encodeURIComponent;

/**
 * The fields an invitation answer posts: the pilot, the invitation, its version, and (accepting)
 * the countries the organisation works in for the pilot, as checkboxes named `countries`.
 */
export function answerBody(data: FormData): {
  pilotId: string;
  partnerId: string;
  transition: string;
  body: unknown;
} {
  const values = formValues(data, ['pilotId', 'partnerId', 'transition', 'version']);
  const countries = data.getAll('countries').filter((v): v is string => typeof v === 'string' && v !== '');
  return {
    pilotId: values.pilotId,
    partnerId: values.partnerId,
    transition: values.transition,
    body: {
      version: Number(values.version),
      ...(values.transition === 'accept' ? { countries: [...new Set(countries)] } : {}),
    },
  };
}

const answers = new Set(['accept', 'decline', 'withdraw']);

/** Accept or decline an invitation (its organisation's focal points), or withdraw it (the lead's). */
export async function answerInvitation({ request, locals, url }: RequestEvent) {
  requireUser(locals, url);
  const { pilotId, partnerId, transition, body } = answerBody(await request.formData());
  const target = `partner-${partnerId}`;
  const checked = check(AnswerInvitationInput, body, { countries: m.pilots_error_countries });
  if (!answers.has(transition) || !checked.ok)
    return invalidForm(checked.ok ? {} : checked.errors, { target, message: m.error_validation() });
  try {
    const partner = await locals.api.post(
      `/api/pilots/${encode(pilotId)}/partners/${encode(partnerId)}/transitions/${encode(transition)}`,
      PilotPartner,
      checked.data,
    );
    return { answered: transition, partnerStatus: partner.status, target };
  } catch (cause) {
    return actionFailure(cause, { target, codes: staleCodes });
  }
}

const inviteFields = {
  organisationId: m.pilots_error_invite_organisation,
  role: m.pilots_error_invite_role,
  message: m.practice_error_text,
};

/** The lead's focal points invite a verified organisation with a role and a message. */
export async function invitePartner({ request, locals, url, params }: RequestEvent) {
  requireUser(locals, url);
  const values = formValues(await request.formData(), ['organisationId', 'role', 'message']);
  const target = 'invite';
  const checked = check(InvitePartnerInput, values, inviteFields);
  if (!checked.ok) return invalidForm(checked.errors, { target, values });
  try {
    const partner = await locals.api.post(
      `/api/pilots/${encode(params.id ?? '')}/partners`,
      PilotPartner,
      checked.data,
    );
    return { invited: partner.organisation.name, target };
  } catch (cause) {
    return actionFailure(cause, {
      target,
      values,
      fields: inviteFields,
      codes: { ...staleCodes, DUPLICATE: m.pilots_error_invite_duplicate },
      codeFields: { DUPLICATE: 'organisationId' },
    });
  }
}

/** The body of a workflow button: the version the page showed, and a reason when one is given. */
export function transitionBody(data: FormData): { name: string; body: unknown; reason: string } {
  const values = formValues(data, ['transition', 'version', 'reason']);
  return {
    name: values.transition,
    reason: values.reason,
    body: { version: Number(values.version), ...(values.reason ? { reason: values.reason } : {}) },
  };
}

/** A workflow button of the pilot; closing (editors) needs a reason, shown publicly with it. */
export async function firePilotTransition({ request, locals, url, params }: RequestEvent) {
  requireUser(locals, url);
  const { name, body, reason } = transitionBody(await request.formData());
  const target = `transition-${name}`;
  const values = { reason };
  const fields = { reason: m.pilots_error_close_reason };
  const checked = check(FirePilotTransitionInput, body, fields);
  if (!checked.ok) return invalidForm(checked.errors, { target, values });
  if (name === 'close' && !reason)
    return invalidForm({ reason: m.pilots_error_close_reason() }, { target, values });
  try {
    const pilot = await locals.api.post(
      `/api/pilots/${encode(params.id ?? '')}/transitions/${encode(name)}`,
      Pilot,
      checked.data,
    );
    return { fired: name, status: pilot.status, target };
  } catch (cause) {
    return actionFailure(cause, { target, values, fields, codes: staleCodes });
  }
}

/**
 * The lead turns a completed pilot's results into a good-practice draft, pre-filled from the pilot
 * (the API answers with the same draft when asked again), and goes on to edit it.
 */
export async function draftPracticeFromPilot({ locals, url, params }: RequestEvent) {
  requireUser(locals, url);
  let practice: Practice;
  try {
    practice = await locals.api.post(`/api/pilots/${encode(params.id ?? '')}/practice-draft`, Practice);
  } catch (cause) {
    return actionFailure(cause, { target: 'practice-draft', codes: staleCodes });
  }
  redirect(303, localizeHref(`/practices/${practice.id}/edit`));
}
