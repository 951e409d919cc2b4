import { apiCall, tokenOf } from './publication';

/**
 * A pilot set up through the API with the demo users' own sessions, as the pilots spec does in the
 * browser: the ministry leads it on the Philippines → Mexico corridor, proposes it, and (when asked)
 * invites the network and the UN entity, who accept. Starting it is left to the spec's page, so the
 * worker sets the reporting timers as it does for a user.
 */

export const demoNetwork = 'Red de Mujeres Trabajadoras Migrantes (demo)';
export const demoUnEntity = 'UN Women Migration Programme (demo)';

export interface PilotOrganisationRef {
  id: string;
  name: string;
}

interface Me {
  memberships: { organisationId: string; organisationName: string; status: string }[];
}

/** The organisation a demo user belongs to (the one named `name`, when given). */
export async function organisationOf(token: string, name?: string): Promise<PilotOrganisationRef> {
  const { memberships } = await apiCall<Me>('GET', '/api/me', token);
  const found = memberships.find((m) => m.status === 'active' && (!name || m.organisationName === name));
  if (!found) throw new Error(`no active membership${name ? ` in ${name}` : ''}`);
  return { id: found.organisationId, name: found.organisationName };
}

/** Fires a pilot transition with the version the pilot has now. */
export async function firePilot(pilotId: string, transition: string, token: string): Promise<void> {
  const { version } = await apiCall<{ version: number }>('GET', `/api/pilots/${pilotId}`, token);
  await apiCall('POST', `/api/pilots/${pilotId}/transitions/${transition}`, token, { version });
}

export interface CorridorPilotSpec {
  title: string;
  summary: string;
  objectives: string;
  expectedResults: string;
  indicator: { name: string; women: number; men: number };
  /** The lead's message with each invitation. */
  message: string;
}

export interface CorridorPilot {
  id: string;
  slug: string;
  lead: PilotOrganisationRef;
  network: PilotOrganisationRef;
  un: PilotOrganisationRef;
}

/**
 * Proposes the pilot; with `partners`, invites the network (implementing, in Mexico) and the UN
 * entity (technical, in the Philippines), forms the partnership and has both accept.
 */
export async function corridorPilot(
  spec: CorridorPilotSpec,
  { partners }: { partners: boolean },
): Promise<CorridorPilot> {
  const [ministry, networkToken, unToken] = await Promise.all([
    tokenOf('ministry'),
    tokenOf('network'),
    tokenOf('reviewer1'),
  ]);
  const [lead, network, un] = await Promise.all([
    organisationOf(ministry),
    organisationOf(networkToken, demoNetwork),
    organisationOf(unToken, demoUnEntity),
  ]);
  const { id, slug } = await apiCall<{ id: string; slug: string }>('POST', '/api/pilots', ministry, {
    organisationId: lead.id,
    content: {
      title: spec.title,
      summary: spec.summary,
      objectives: spec.objectives,
      themes: ['domestic-workers-rights'],
      stages: ['pre-departure', 'destination'],
      countries: [
        { code: 'PH', role: 'origin' },
        { code: 'MX', role: 'destination' },
      ],
      period: { start: '2027-01-01', end: '2028-06-30' },
      expectedResults: spec.expectedResults,
      indicators: [
        {
          indicator: spec.indicator.name,
          unit: 'people',
          women: spec.indicator.women,
          men: spec.indicator.men,
        },
      ],
      frameworks: ['gfmd-rt-2-2'],
      language: 'en',
    },
  });
  await firePilot(id, 'propose', ministry);
  if (partners) {
    const invite = (organisationId: string, role: string) =>
      apiCall<{ id: string; version: number }>('POST', `/api/pilots/${id}/partners`, ministry, {
        organisationId,
        role,
        message: spec.message,
      });
    const toNetwork = await invite(network.id, 'implementing');
    const toUn = await invite(un.id, 'technical');
    await firePilot(id, 'start_forming', ministry);
    const accept = (invitation: { id: string; version: number }, token: string, countries: string[]) =>
      apiCall('POST', `/api/pilots/${id}/partners/${invitation.id}/transitions/accept`, token, {
        version: invitation.version,
        countries,
      });
    await accept(toNetwork, networkToken, ['MX']);
    await accept(toUn, unToken, ['PH']);
  }
  return { id, slug, lead, network, un };
}
