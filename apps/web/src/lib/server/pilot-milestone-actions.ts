import type { RequestEvent } from '@sveltejs/kit';
import {
  CreatePilotMilestoneInput,
  PilotMilestone,
  RemovalQuery,
  UpdatePilotMilestoneInput,
} from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { actionFailure, invalidForm, type CodeMessages } from './failures';
import { check, formValues } from './form';
import { requireUser } from './guard';
import { milestoneBody, milestoneUpdateBody } from './pilot-progress-form';

/** A milestone is out of date when the pilot stopped running, and gone once someone removed it. */
const milestoneCodes: CodeMessages = {
  STALE_VERSION: m.pilots_error_stale,
  INVALID_STATE: m.pilots_error_stale,
  NOT_FOUND: m.pilots_milestone_gone,
};

const milestoneFields = {
  title: m.pilots_error_milestone_title,
  dueDate: m.practice_error_date,
  status: m.field_invalid,
  progress: m.pilots_error_progress,
};

const milestonesPath = (event: RequestEvent) =>
  `/api/pilots/${encodeURIComponent(event.params.id ?? '')}/milestones`;

export async function addMilestone(event: RequestEvent) {
  requireUser(event.locals, event.url);
  const data = await event.request.formData();
  const values = formValues(data, ['title', 'dueDate', 'status', 'progress']);
  const target = 'milestone-new';
  const checked = check(CreatePilotMilestoneInput, milestoneBody(data), milestoneFields);
  if (!checked.ok) return invalidForm(checked.errors, { target, values });
  try {
    const milestone = await event.locals.api.post(milestonesPath(event), PilotMilestone, checked.data);
    return { milestoneSaved: milestone.title, target };
  } catch (cause) {
    return actionFailure(cause, { target, values, fields: milestoneFields, codes: milestoneCodes });
  }
}

export async function updateMilestone(event: RequestEvent) {
  requireUser(event.locals, event.url);
  const { id, body } = milestoneUpdateBody(await event.request.formData());
  const target = `milestone-${id}`;
  const checked = check(UpdatePilotMilestoneInput, body, milestoneFields);
  if (!checked.ok) return invalidForm(checked.errors, { target });
  try {
    const milestone = await event.locals.api.patch(
      `${milestonesPath(event)}/${encodeURIComponent(id)}`,
      PilotMilestone,
      checked.data,
    );
    return { milestoneSaved: milestone.title, target };
  } catch (cause) {
    return actionFailure(cause, { target, fields: milestoneFields, codes: milestoneCodes });
  }
}

/**
 * The second press of "Remove" (the first only asked, `?remove=`), with the version the confirmation
 * showed: changed since (409), the page says so and shows the milestone as it is now.
 */
export async function removeMilestone(event: RequestEvent) {
  requireUser(event.locals, event.url);
  const { id, title, version } = formValues(await event.request.formData(), ['id', 'title', 'version']);
  const target = `milestone-${id}`;
  const checked = check(RemovalQuery, { version }, {});
  if (!checked.ok) return invalidForm(checked.errors, { target, message: m.error_validation() });
  const codes: CodeMessages = {
    ...milestoneCodes,
    STALE_VERSION: () => m.pilots_milestone_remove_stale({ title }),
  };
  try {
    await event.locals.api.send(
      'DELETE',
      `${milestonesPath(event)}/${encodeURIComponent(id)}?version=${checked.data.version}`,
    );
    return { milestoneRemoved: title, target };
  } catch (cause) {
    return actionFailure(cause, { target, codes });
  }
}
