import {
  Pilot,
  PilotMilestoneList,
  PilotReport,
  PilotReporting,
  PilotReportPage,
  pilotMilestoneStatuses,
} from '@pathways/contracts';
import type { ApiClient } from '$lib/server/api';
import { ApiFailure } from '$lib/server/api-failure';
import { loadFailure } from '$lib/server/failures';
import { requireUser } from '$lib/server/guard';
import { addMilestone, removeMilestone, updateMilestone } from '$lib/server/pilot-milestone-actions';
import { leadsPilot } from '$lib/server/pilot-organisations';
import {
  progressIndicators,
  reportFormValues,
  reportingOrganisations,
} from '$lib/server/pilot-progress-form';
import {
  discardReport,
  draftReport,
  refreshReport,
  submitReport,
  updateReport,
} from '$lib/server/pilot-report-actions';
import type { Actions, PageServerLoad } from './$types';

// Every form here is a plain POST; the charts and lists render on the server.
export const csr = false;

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
  const discardId = url.searchParams.get('discard');
  const reportsPath = `/api/pilots/${id}/reports`;
  try {
    // The caller's drafts are asked for apart, so many submitted reports never push them off the page.
    const [pilot, milestones, submitted, drafts, reporting, draft] = await Promise.all([
      locals.api.get(`/api/pilots/${id}`, Pilot),
      locals.api.get(`/api/pilots/${id}/milestones`, PilotMilestoneList),
      locals.api.get(reportsPath, PilotReportPage, { state: 'submitted', pageSize: 100 }),
      locals.api.get(reportsPath, PilotReportPage, { state: 'draft', pageSize: 100 }),
      locals.api.get(`/api/pilots/${id}/reporting`, PilotReporting),
      editId ? ownDraft(locals.api, id, editId) : null,
    ]);
    const running = pilot.status === 'active';
    const reportFor =
      pilot.status === 'active' || pilot.status === 'completed' ? reportingOrganisations(locals, pilot) : [];
    // The lead's focal points keep the milestones while the pilot runs; partners report on their part.
    const canPlan = running && leadsPilot(locals, pilot);
    const removing = canPlan && removeId ? (milestones.items.find((m) => m.id === removeId) ?? null) : null;
    const discarding = discardId ? (drafts.items.find((r) => r.id === discardId) ?? null) : null;
    const editing = reportFor.length ? draft : null;
    return {
      pilot,
      milestones: milestones.items,
      reports: submitted.items,
      drafts: drafts.items,
      reporting,
      progress: progressIndicators(pilot, submitted.items),
      statuses: [...pilotMilestoneStatuses],
      canPlan,
      reportFor,
      // Only the lead compiles the report of the whole pilot, from its partners' parts.
      canCompile: reportFor.some((o) => o.value === pilot.lead.id),
      // What awaits confirmation: a milestone's removal (`?remove=`), a draft's discarding (`?discard=`).
      removing,
      removeGone: canPlan && !!removeId && !removing,
      discarding,
      discardGone: !!discardId && !discarding,
      // The draft opened in the report form (`?report=`).
      editing: editing
        ? { report: editing, values: reportFormValues(editing, pilot.content.indicators ?? []) }
        : null,
      editGone: !!editId && !editing,
    };
  } catch (cause) {
    loadFailure(cause);
  }
};

export const actions: Actions = {
  addMilestone,
  updateMilestone,
  removeMilestone,
  draftReport,
  updateReport,
  refreshReport,
  submitReport,
  discardReport,
};
