import {
  CreatePilotMilestoneInput,
  CreatePilotReportInput,
  Pilot,
  PilotMilestone,
  PilotMilestoneList,
  PilotReport,
  PilotReporting,
  PilotReportPage,
  pilotMilestoneStatuses,
  SubmitPilotReportInput,
  UpdatePilotMilestoneInput,
} from '@pathways/contracts';
import type { RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actionFailure, invalidForm, loadFailure, type CodeMessages } from '$lib/server/failures';
import { check, formValues } from '$lib/server/form';
import { requireUser } from '$lib/server/guard';
import { leadsPilot } from '$lib/server/pilot-organisations';
import {
  milestoneBody,
  milestoneUpdateBody,
  progressIndicators,
  reportBody,
  reportingOrganisations,
} from '$lib/server/pilot-progress-form';
import type { Actions, PageServerLoad } from './$types';

// Every form here is a plain POST; the charts and lists render on the server.
export const csr = false;

const staleCodes: CodeMessages = { STALE_VERSION: m.pilots_error_stale, INVALID_STATE: m.pilots_error_stale };

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireUser(locals, url);
  const id = encodeURIComponent(params.id);
  try {
    const [pilot, milestones, reports, reporting] = await Promise.all([
      locals.api.get(`/api/pilots/${id}`, Pilot),
      locals.api.get(`/api/pilots/${id}/milestones`, PilotMilestoneList),
      locals.api.get(`/api/pilots/${id}/reports`, PilotReportPage, { pageSize: 100 }),
      locals.api.get(`/api/pilots/${id}/reporting`, PilotReporting),
    ]);
    const running = pilot.status === 'active';
    const reportFor =
      pilot.status === 'active' || pilot.status === 'completed' ? reportingOrganisations(locals, pilot) : [];
    return {
      pilot,
      milestones: milestones.items,
      reports: reports.items,
      reporting,
      progress: progressIndicators(pilot, reports.items),
      statuses: [...pilotMilestoneStatuses],
      // The lead's focal points keep the milestones while the pilot runs; partners report on their part.
      canPlan: running && leadsPilot(locals, pilot),
      reportFor,
      // Only the lead compiles the report of the whole pilot, from its partners' parts.
      canCompile: reportFor.some((o) => o.value === pilot.lead.id),
    };
  } catch (cause) {
    loadFailure(cause);
  }
};

const milestoneFields = {
  title: m.pilots_error_milestone_title,
  dueDate: m.practice_error_date,
  status: m.field_invalid,
  progress: m.pilots_error_progress,
};

const reportFields = {
  organisationId: m.pilots_error_report_organisation,
  'period.start': m.practice_error_date,
  'period.end': m.practice_error_period,
  narrative: m.practice_error_text,
};

const pilotPath = (event: RequestEvent) => `/api/pilots/${encodeURIComponent(event.params.id ?? '')}`;

export const actions: Actions = {
  addMilestone: async (event) => {
    requireUser(event.locals, event.url);
    const data = await event.request.formData();
    const values = formValues(data, ['title', 'dueDate', 'status', 'progress']);
    const target = 'milestone-new';
    const checked = check(CreatePilotMilestoneInput, milestoneBody(data), milestoneFields);
    if (!checked.ok) return invalidForm(checked.errors, { target, values });
    try {
      const milestone = await event.locals.api.post(
        `${pilotPath(event)}/milestones`,
        PilotMilestone,
        checked.data,
      );
      return { milestoneSaved: milestone.title, target };
    } catch (cause) {
      return actionFailure(cause, { target, values, fields: milestoneFields, codes: staleCodes });
    }
  },
  updateMilestone: async (event) => {
    requireUser(event.locals, event.url);
    const { id, body } = milestoneUpdateBody(await event.request.formData());
    const target = `milestone-${id}`;
    const checked = check(UpdatePilotMilestoneInput, body, milestoneFields);
    if (!checked.ok) return invalidForm(checked.errors, { target });
    try {
      const milestone = await event.locals.api.patch(
        `${pilotPath(event)}/milestones/${encodeURIComponent(id)}`,
        PilotMilestone,
        checked.data,
      );
      return { milestoneSaved: milestone.title, target };
    } catch (cause) {
      return actionFailure(cause, { target, fields: milestoneFields, codes: staleCodes });
    }
  },
  draftReport: async (event) => {
    requireUser(event.locals, event.url);
    const data = await event.request.formData();
    const values = formValues(data, ['organisationId', 'period.start', 'period.end', 'narrative']);
    const target = 'report-new';
    const body = reportBody(data);
    const checked = check(CreatePilotReportInput, body, reportFields);
    if (!checked.ok)
      return invalidForm(checked.errors, { target, values: { ...values, ...rowValues(data) } });
    try {
      await event.locals.api.post(`${pilotPath(event)}/reports`, PilotReport, checked.data);
      return { reportDrafted: true, target };
    } catch (cause) {
      return actionFailure(cause, {
        target,
        values: { ...values, ...rowValues(data) },
        fields: reportFields,
        codes: staleCodes,
      });
    }
  },
  submitReport: async (event) => {
    requireUser(event.locals, event.url);
    const values = formValues(await event.request.formData(), ['id', 'version']);
    const target = `report-${values.id}`;
    const checked = check(SubmitPilotReportInput, { version: Number(values.version) }, {});
    if (!checked.ok) return invalidForm(checked.errors, { target });
    try {
      await event.locals.api.post(
        `${pilotPath(event)}/reports/${encodeURIComponent(values.id)}/submit`,
        PilotReport,
        checked.data,
      );
      return { reportSubmitted: true, target };
    } catch (cause) {
      return actionFailure(cause, { target, codes: staleCodes });
    }
  },
};

/** The figures typed into the report's indicator rows, kept when the form comes back refused. */
function rowValues(data: FormData): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of data)
    if (/^indicators\.\d+\.(women|men)$/.test(key) && typeof value === 'string') kept[key] = value;
  return kept;
}
