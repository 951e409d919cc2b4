import { fail, type RequestEvent } from '@sveltejs/kit';
import {
  CreatePilotReportInput,
  PilotReport,
  RemovalQuery,
  SubmitPilotReportInput,
  UpdatePilotReportInput,
} from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { ApiFailure } from './api-failure';
import { actionFailure, invalidForm, type CodeMessages, type FieldMessages } from './failures';
import { check, formValues } from './form';
import { requireUser } from './guard';
import { figureFields, onFormRows, reportBody, reportInput, reportUpdateBody } from './pilot-progress-form';

/**
 * A draft is out of date when someone saved it meanwhile (reload, keeping the input), and closed
 * once submitted or when the pilot no longer takes reports; gone when it is no longer there.
 */
const reportCodes: CodeMessages = {
  STALE_VERSION: m.pilots_report_error_stale,
  INVALID_STATE: m.pilots_report_error_closed,
  NOT_FOUND: m.pilots_report_error_gone,
};

/** A draft is discarded only as it was when the user asked (the confirmation's version). */
const discardCodes: CodeMessages = {
  STALE_VERSION: m.pilots_report_discard_stale,
  INVALID_STATE: m.pilots_report_discard_closed,
  NOT_FOUND: m.pilots_report_discard_gone,
};

/** A new draft only meets a pilot that no longer takes reports. */
const newReportCodes: CodeMessages = { INVALID_STATE: m.pilots_report_error_not_open };

const reportFields: FieldMessages = {
  organisationId: m.pilots_error_report_organisation,
  'period.start': m.practice_error_date,
  'period.end': m.practice_error_period,
  narrative: m.practice_error_text,
};

const reportsPath = (event: RequestEvent) =>
  `/api/pilots/${encodeURIComponent(event.params.id ?? '')}/reports`;

/** The form the edit of a draft posts, so its answer (refused or not) goes back to that form. */
export const editTarget = (id: string) => `report-edit-${id}`;
/** The new-draft form. */
const newTarget = 'report-new';

/** Saves a new draft: a partner's own part, or (the lead) the report of the whole pilot. */
export async function draftReport(event: RequestEvent) {
  requireUser(event.locals, event.url);
  const data = await event.request.formData();
  const values = reportInput(data);
  const target = newTarget;
  const fields = { ...reportFields, ...figureFields(data) };
  const checked = check(CreatePilotReportInput, reportBody(data), fields);
  if (!checked.ok) return invalidForm(onFormRows(checked.errors, data), { target, values });
  try {
    await event.locals.api.post(reportsPath(event), PilotReport, checked.data);
    return { reportDrafted: true, target };
  } catch (cause) {
    return onRows(actionFailure(cause, { target, values, fields, codes: newReportCodes }), data);
  }
}

/** Saves the changes to a draft with the version its form showed (409 when someone saved meanwhile). */
export async function updateReport(event: RequestEvent) {
  requireUser(event.locals, event.url);
  return saveEdit(event, await event.request.formData(), false);
}

/**
 * Saves the edit form's input with the version it showed, then (`submit`) files it. Refused, the
 * input stays in the form; when the draft was submitted or discarded meanwhile, in the new-draft form.
 */
async function saveEdit(event: RequestEvent, data: FormData, submit: boolean) {
  const values = reportInput(data);
  const { id, body } = reportUpdateBody(data);
  const target = editTarget(id);
  const fields = { ...reportFields, ...figureFields(data) };
  const checked = check(UpdatePilotReportInput, body, fields);
  if (!checked.ok) return invalidForm(onFormRows(checked.errors, data), { target, values });
  const path = `${reportsPath(event)}/${encodeURIComponent(id)}`;
  try {
    const saved = await event.locals.api.patch(path, PilotReport, checked.data);
    if (!submit) return { reportDrafted: true, version: saved.version, target };
    // Saved but not filed (the pilot closed meanwhile): the form goes on from the saved version.
    values.version = String(saved.version);
    await event.locals.api.post(`${path}/submit`, PilotReport, { version: saved.version });
    return { reportSubmitted: true, target };
  } catch (cause) {
    const closed = await closedDraft(event, path, cause);
    if (closed) return asNewDraft(values, closed);
    return onRows(actionFailure(cause, { target, values, fields, codes: reportCodes }), data);
  }
}

/**
 * After someone else saved the draft meanwhile (409): its latest version number, with the user's
 * own input kept in the form, so nothing typed is lost and saving again is possible. A draft
 * submitted or discarded meanwhile hands the input to the new-draft form instead.
 */
export async function refreshReport(event: RequestEvent) {
  requireUser(event.locals, event.url);
  const values = reportInput(await event.request.formData());
  const target = editTarget(values.id);
  try {
    const latest = await event.locals.api.get(
      `${reportsPath(event)}/${encodeURIComponent(values.id)}`,
      PilotReport,
    );
    if (latest.submittedAt) return asNewDraft(values, 'submitted');
    return { reportRefreshed: true, target, values: { ...values, version: String(latest.version) } };
  } catch (cause) {
    if (cause instanceof ApiFailure && cause.status === 404) return asNewDraft(values, 'discarded');
    return actionFailure(cause, { target, values, codes: reportCodes });
  }
}

/**
 * Files a draft with the version the list showed: from then on it is public and never changes.
 * Pressed for the draft open in the edit form, it posts that form: what is typed is saved, then filed.
 */
export async function submitReport(event: RequestEvent) {
  requireUser(event.locals, event.url);
  const data = await event.request.formData();
  if (data.has('narrative')) return saveEdit(event, data, true);
  const values = formValues(data, ['id', 'version']);
  const target = `report-${values.id}`;
  const checked = check(SubmitPilotReportInput, { version: Number(values.version) }, {});
  if (!checked.ok) return invalidForm(checked.errors, { target });
  try {
    await event.locals.api.post(
      `${reportsPath(event)}/${encodeURIComponent(values.id)}/submit`,
      PilotReport,
      checked.data,
    );
    return { reportSubmitted: true, target };
  } catch (cause) {
    return actionFailure(cause, { target, codes: reportCodes });
  }
}

/**
 * The second press of "Discard" (the first only asked, `?discard=`), with the version the
 * confirmation showed: saved again since (409), the page says so and shows the draft as it is now.
 */
export async function discardReport(event: RequestEvent) {
  requireUser(event.locals, event.url);
  const values = formValues(await event.request.formData(), ['id', 'version', 'period']);
  const target = `report-${values.id}`;
  const checked = check(RemovalQuery, { version: values.version }, {});
  if (!checked.ok) return invalidForm(checked.errors, { target, message: m.error_validation() });
  try {
    await event.locals.api.send(
      'DELETE',
      `${reportsPath(event)}/${encodeURIComponent(values.id)}?version=${checked.data.version}`,
    );
    return { reportDiscarded: values.period, target };
  } catch (cause) {
    return actionFailure(cause, { target, codes: discardCodes });
  }
}

/**
 * Why a draft no longer takes the user's input: it was submitted or discarded meanwhile (another
 * tab, a colleague). Null while it is still a draft (stale, or the pilot no longer takes reports).
 */
async function closedDraft(
  event: RequestEvent,
  path: string,
  cause: unknown,
): Promise<'submitted' | 'discarded' | null> {
  if (!(cause instanceof ApiFailure)) return null;
  if (cause.status === 404) return 'discarded';
  if (cause.code !== 'INVALID_STATE') return null;
  try {
    return (await event.locals.api.get(path, PilotReport)).submittedAt ? 'submitted' : null;
  } catch (again) {
    if (again instanceof ApiFailure && again.status === 404) return 'discarded';
    throw again;
  }
}

/**
 * The user's input for a draft that can no longer change, handed to the new-draft form (its
 * organisation and compiled flag came with the edit form) to save as a new draft in one press.
 */
function asNewDraft(values: Record<string, string>, why: 'submitted' | 'discarded') {
  const { id: _id, version: _version, ...kept } = values;
  return fail(why === 'submitted' ? 409 : 404, {
    values: kept,
    errors: {},
    message:
      why === 'submitted'
        ? m.pilots_report_error_submitted_meanwhile()
        : m.pilots_report_error_discarded_meanwhile(),
    code: why === 'submitted' ? ('INVALID_STATE' as const) : ('NOT_FOUND' as const),
    target: newTarget,
    asNewDraft: true,
  });
}

/** The API's figure issues, moved to the rows they were typed in. */
function onRows(failure: ReturnType<typeof actionFailure>, data: FormData) {
  return fail(failure.status, { ...failure.data, errors: onFormRows(failure.data.errors, data) });
}
