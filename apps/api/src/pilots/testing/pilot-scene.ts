import { expect } from 'vitest';
import { reviewFixtures } from '../../testing/review-fixtures';
import { bearer, type TestApi } from '../../testing/test-api';

/** A proposal complete enough to propose: corridor Philippines → Mexico. */
export const completePilotContent = {
  title: 'Safe corridors for domestic workers',
  summary: 'Pre-departure orientation and a helpline for women going from the Philippines to Mexico.',
  objectives: 'Fewer women recruited into debt bondage; faster help when contracts are breached.',
  themes: ['domestic-workers-rights', 'pre-departure-orientation'],
  stages: ['pre-departure', 'destination'],
  countries: [
    { code: 'PH', role: 'origin' },
    { code: 'MX', role: 'destination' },
  ],
  period: { start: '2027-01-01', end: '2028-12-31' },
  budget: { range: '50k-250k', sources: ['Ministry budget'] },
  expectedResults: 'Two thousand women oriented before departure; a helpline answering in Tagalog.',
  indicators: [{ indicator: 'Women oriented before departure', unit: 'people', women: 2000, men: 200 }],
  frameworks: ['gfmd-rt-2-2'],
  language: 'en',
} as const;

type Method = 'GET' | 'POST' | 'PATCH';

/** People and organisations of a pilot scenario, all made through the HTTP API. */
export function pilotScene(api: TestApi, admin: string) {
  const fixtures = reviewFixtures(api, admin);
  const call = (method: Method, url: string, token?: string, payload?: object) =>
    api.request({ method, url, payload, headers: token ? bearer(token) : {} });

  /** A verified organisation with its focal point (and optionally one member). */
  const organisation = async (name: string, kind: string, country: string | null, withMember = false) => {
    const focal = await api.signUp({ name: `${name} focal point` });
    const org = await fixtures.organisation(focal.token, name, kind, country);
    let member: string | undefined;
    if (withMember) {
      const joiner = await api.signUp({ name: `${name} member` });
      const request = await call('POST', `/api/organisations/${org.id}/memberships`, joiner.token, {});
      expect(request.statusCode).toBe(201);
      const approved = await call('POST', `/api/memberships/${request.json().id}/approve`, focal.token);
      expect(approved.json()).toMatchObject({ status: 'active' });
      member = joiner.token;
    }
    return { id: org.id, focal: focal.token, focalId: focal.user.id, member };
  };

  const pilot = async (id: string, token?: string) => (await call('GET', `/api/pilots/${id}`, token)).json();

  const fire = async (id: string, transition: string, token: string, extra: object = {}) => {
    const { version } = await pilot(id, token);
    return call('POST', `/api/pilots/${id}/transitions/${transition}`, token, { version, ...extra });
  };

  const invite = async (pilotId: string, organisationId: string, token: string, role = 'implementing') => {
    const invited = await call('POST', `/api/pilots/${pilotId}/partners`, token, {
      organisationId,
      role,
      message: 'Join us on this corridor.',
    });
    expect(invited.statusCode).toBe(201);
    return invited.json();
  };

  const answer = (
    pilotId: string,
    partner: { id: string; version: number },
    transition: string,
    token: string,
    countries?: string[],
  ) =>
    call('POST', `/api/pilots/${pilotId}/partners/${partner.id}/transitions/${transition}`, token, {
      version: partner.version,
      ...(countries ? { countries } : {}),
    });

  /** A draft led by the organisation, proposed with complete content. */
  const proposed = async (leadId: string, focal: string, content: object = completePilotContent) => {
    const created = await call('POST', '/api/pilots', focal, { organisationId: leadId, content });
    expect(created.statusCode).toBe(201);
    const propose = await fire(created.json().id, 'propose', focal);
    expect(propose.statusCode).toBe(200);
    return propose.json();
  };

  return { call, organisation, pilot, fire, invite, answer, proposed };
}
