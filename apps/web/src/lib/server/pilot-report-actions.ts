import { fail, type RequestEvent } from '@sveltejs/kit';
import {
  CreatePilotReportInput,
  PilotReport,
  SubmitPilotReportInput,
  UpdatePilotReportInput,
} from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
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

/** Saves a new draft: a partner's own part, or (the lead) the report of the whole pilot. */
export async function draftReport(event: RequestEvent) {
  requireUser(event.locals, event.url);
  const data = await event.request.formData();
  const values = reportInput(data);
  const target = 'report-new';
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
  const data = await event.request.formData();
  const values = reportInput(data);
  const { id, body } = reportUpdateBody(data);
  const target = editTarget(id);
  const fields = { ...reportFields, ...figureFields(data) };
  const checked = check(UpdatePilotReportInput, body, fields);
  if (!checked.ok) return invalidForm(onFormRows(checked.errors, data), { target, values });
  try {
    const saved = await event.locals.api.patch(
      `${reportsPath(event)}/${encodeURIComponent(id)}`,
      PilotReport,
      checked.data,
    );
    return { reportDrafted: true, version: saved.version, target };
  } catch (cause) {
    return onRows(actionFailure(cause, { target, values, fields, codes: reportCodes }), data);
  }
}

/**
 * After someone else saved the draft meanwhile (409): its latest version number, with the user's
 * own input kept in the form, so nothing typed is lost and saving again is possible.
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
    if (latest.submittedAt)
      return fail(409, {
        values,
        errors: {},
        message: m.pilots_report_error_closed(),
        code: 'INVALID_STATE',
        target,
      });
    return { reportRefreshed: true, target, values: { ...values, version: String(latest.version) } };
  } catch (cause) {
    return actionFailure(cause, { target, values, codes: reportCodes });
  }
}

/** Files a draft with the version the list showed: from then on it is public and never changes. */
export async function submitReport(event: RequestEvent) {
  requireUser(event.locals, event.url);
  const values = formValues(await event.request.formData(), ['id', 'version']);
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

/** The API's figure issues, moved to the rows they were typed in. */
function onRows(failure: ReturnType<typeof actionFailure>, data: FormData) {
  return fail(failure.status, { ...failure.data, errors: onFormRows(failure.data.errors, data) });
}
