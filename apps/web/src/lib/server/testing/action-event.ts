import type { RequestEvent } from '@sveltejs/kit';
import type { ApiClient } from '../api';

/** The pilot every action spec acts on. */
export const testPilotId = '00000000-0000-4000-8000-000000000100';

/**
 * A form action's event as SvelteKit hands it over: `entries` posted to the pilot's page by a
 * signed-in user whose API client is `api` (a stand-in that records what the action sends).
 */
export function actionEvent(entries: [string, string][], api: ApiClient): RequestEvent {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  const request = new Request('http://web.test/pilots', { method: 'POST', body: data });
  const locals = { user: { id: 'u1' }, api, memberships: [], rules: [] } as unknown as App.Locals;
  return {
    request,
    locals,
    url: new URL('http://web.test/pilots'),
    params: { id: testPilotId },
  } as unknown as RequestEvent;
}
