import { workflowSummaries } from '$lib/server/workflow-diagrams';
import type { PageServerLoad } from './$types';

/** Public: how a practice and a review move, straight from the definitions the API runs. */
export const load: PageServerLoad = () => ({ workflows: workflowSummaries() });
