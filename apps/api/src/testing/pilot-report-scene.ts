import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import type { PilotContent } from '@pathways/contracts';
import { Membership, Organisation, Pilot, PilotPartner, User } from '@pathways/persistence';
import type { TestApi } from './test-api';

export const pilotIndicators: NonNullable<PilotContent['indicators']> = [
  { indicator: 'Women trained before departure', unit: 'people', women: 400, men: 100 },
  { indicator: 'Workers placed in decent jobs', unit: 'people', women: 200, men: 80 },
];

export interface Person {
  token: string;
  id: string;
}

/**
 * A running pilot made straight in the database (the pilot lifecycle has its own routes): a lead with
 * a focal point and a member, two accepted partners with a member each, an organisation only
 * invited, an outsider, and a stranger without any organisation.
 */
export async function seedPilotReportScene(api: TestApi, status: Pilot['status'] = 'active') {
  const em = api.app.get(EntityManager).fork();
  const tag = randomBytes(3).toString('hex');
  const org = (name: string, kind: Organisation['kind'], country: string) =>
    em.create(Organisation, { name: `${name} ${tag}`, kind, country, status: 'verified' });
  const lead = org('Ministry of Labour', 'government', 'PH');
  const ngo = org('Migrant Women NGO', 'civil_society', 'MX');
  const un = org('UN Women office', 'un_entity', 'MX');
  const invited = org('Invited Foundation', 'civil_society', 'ES');
  const outsider = org('Outsider Agency', 'government', 'FR');

  const person = async (
    organisation?: Organisation,
    role: Membership['role'] = 'member',
  ): Promise<Person> => {
    const account = await api.signUp();
    if (organisation)
      em.create(Membership, {
        user: em.getReference(User, account.user.id),
        organisation,
        role,
        status: 'active',
      });
    return { token: account.token, id: account.user.id };
  };
  const people = {
    leadFocal: await person(lead, 'focal_point'),
    leadMember: await person(lead),
    ngoMember: await person(ngo),
    ngoFocal: await person(ngo, 'focal_point'),
    unMember: await person(un),
    invitedMember: await person(invited),
    outsiderFocal: await person(outsider, 'focal_point'),
    stranger: await person(),
    editor: await api.signUp({ roles: ['editor'] }).then((a): Person => ({ token: a.token, id: a.user.id })),
  };

  const activatedAt = ['active', 'completed', 'closed'].includes(status) ? new Date() : null;
  const pilot = em.create(Pilot, {
    slug: `pilot-${tag}`,
    leadOrganisation: lead,
    status,
    activatedAt,
    completedAt: status === 'completed' ? new Date() : null,
    content: { title: `Safe migration corridor ${tag}`, indicators: pilotIndicators, language: 'en' },
  });
  const partner = (organisation: Organisation, role: PilotPartner['role'], state: PilotPartner['status']) =>
    em.create(PilotPartner, { pilot, organisation, role, status: state });
  partner(lead, 'lead', 'accepted');
  partner(ngo, 'implementing', 'accepted');
  partner(un, 'technical', 'accepted');
  partner(invited, 'funding', 'invited');
  await em.flush();
  return { em, pilot, orgs: { lead, ngo, un, invited, outsider }, people };
}
