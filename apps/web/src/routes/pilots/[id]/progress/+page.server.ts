import {
  CreatePilotMilestoneInput,
  Pilot,
  PilotMilestone,
  PilotMilestoneList,
  PilotReport,
  PilotReporting,
  PilotReportPage,
  pilotMilestoneStatuses,
  UpdatePilotMilestoneInput,
} from '@pathways/contracts';
import type { RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { ApiClient } from '$lib/server/api';
import { ApiFailure } from '$lib/server/api-failure';
import { actionFailure, invalidForm, loadFailure, type CodeMessages } from '$lib/server/failures';
import { check, formValues } from '$lib/server/form';
import { requireUser } from '$lib/server/guard';
import { leadsPilot } from '$lib/server/pilot-organisations';
import {
  milestoneBody,
  milestoneUpdateBody,
  progressIndicators,
  reportFormValues,
  reportingOrganisations,
} from '$lib/server/pilot-progress-form';
import { draftReport, refreshReport, submitReport, updateReport } from '$lib/server/pilot-report-actions';
import type { Actions, PageServerLoad } from './$types';

// Every form here is a plain POST; the charts and lists render on the server.
export const csr = false;

/** A milestone is out of date when the pilot stopped running, and gone once someone removed it. */
const milestoneCodes: CodeMessages = {
  STALE_VERSION: m.pilots_error_stale,
  INVALID_STATE: m.pilots_error_stale,
  NOT_FOUND: m.pilots_milestone_gone,
};

/** The caller's own draft named by `?report=`, for its edit form; null when it is no longer one. */
async function ownDraft(api: ApiClient, pilotId: string, id: string): Promise<PilotReport | null> {
  try {
    const report = await api.get(`/api/pilots/${pilotId}/reports/${encodeURIComponent(id)}`, PilotReport);
    return report.submittedAt ? null : report;
  } catch (cause) {
    if (cause instanceof ApiFailure && cause.status === 404) return null;
    throw cause;
  }
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireUser(locals, url);
  const id = encodeURIComponent(params.id);
  const editId = url.searchParams.get('report');
  const removeId = url.searchParams.get('remove');
  try {
    const [pilot, milestones, reports, reporting, draft] = await Promise.all([
      locals.api.get(`/api/pilots/${id}`, Pilot),
      locals.api.get(`/api/pilots/${id}/milestones`, PilotMilestoneList),
      locals.api.get(`/api/pilots/${id}/reports`, PilotReportPage, { pageSize: 100 }),
      locals.api.get(`/api/pilots/${id}/reporting`, PilotReporting),
      editId ? ownDraft(locals.api, id, editId) : null,
    ]);
    const running = pilot.status === 'active';
    const reportFor =
      pilot.status === 'active' || pilot.status === 'completed' ? reportingOrganisations(locals, pilot) : [];
    // The lead's focal points keep the milestones while the pilot runs; partners report on their part.
    const canPlan = running && leadsPilot(locals, pilot);
    const removing = canPlan && removeId ? (milestones.items.find((m) => m.id === removeId) ?? null) : null;
    const editing = reportFor.length ? draft : null;
    return {
      pilot,
      milestones: milestones.items,
      reports: reports.items,
      reporting,
      progress: progressIndicators(pilot, reports.items),
      statuses: [...pilotMilestoneStatuses],
      canPlan,
      reportFor,
      // Only the lead compiles the report of the whole pilot, from its partners' parts.
      canCompile: reportFor.some((o) => o.value === pilot.lead.id),
      // The milestone whose removal awaits confirmation (`?remove=`), and the draft opened (`?report=`).
      removing,
      removeGone: canPlan && !!removeId && !removing,
      editing: editing
        ? { report: editing, values: reportFormValues(editing, pilot.content.indicators ?? []) }
        : null,
      editGone: !!editId && !editing,
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

const milestonesPath = (event: RequestEvent) =>
  `/api/pilots/${encodeURIComponent(event.params.id ?? '')}/milestones`;

export const actions: Actions = {
  addMilestone: async (event) => {
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
  },
  updateMilestone: async (event) => {
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
  },
  /** The second press of "Remove": the first only asked for confirmation (`?remove=`). */
  removeMilestone: async (event) => {
    requireUser(event.locals, event.url);
    const { id, title } = formValues(await event.request.formData(), ['id', 'title']);
    const target = `milestone-${id}`;
    try {
      await event.locals.api.send('DELETE', `${milestonesPath(event)}/${encodeURIComponent(id)}`);
      return { milestoneRemoved: title, target };
    } catch (cause) {
      return actionFailure(cause, { target, codes: milestoneCodes });
    }
  },
  draftReport,
  updateReport,
  refreshReport,
  submitReport,
};
