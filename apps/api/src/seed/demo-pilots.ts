import type { EntityManager } from '@mikro-orm/postgresql';
import type { PilotContent } from '@pathways/contracts';
import {
  type Organisation,
  OutboxMessage,
  Pilot,
  PilotPartner,
  recordTransition,
  type User,
} from '@pathways/persistence';
import { PilotJob, QueueName } from '@pathways/queues';
import { pilotPartnerWorkflow, pilotWorkflow } from '@pathways/workflow';

/** The demo organisations a pilot names, by role in the demo. */
export interface DemoPilotCast {
  ministry: Organisation;
  network: Organisation;
  un: Organisation;
  maria: User;
  lucia: User;
  rosa: User;
}

const day = 86_400_000;

const safeCorridors: PilotContent = {
  title: 'Safe corridors for domestic workers, Philippines to Mexico (demo)',
  summary:
    'Pre-departure orientation in Manila and a Tagalog–Spanish helpline in Mexico City for women hired as domestic workers.',
  objectives:
    'Fewer women recruited into debt bondage; contract breaches answered within a week; every worker knows where to turn.',
  themes: ['domestic-workers-rights', 'pre-departure-orientation'],
  stages: ['pre-departure', 'destination'],
  countries: [
    { code: 'PH', role: 'origin' },
    { code: 'MX', role: 'destination' },
  ],
  period: { start: '2026-03-01', end: '2027-12-31' },
  budget: { range: '250k-1m', sources: ['Department of Migrant Workers', 'UN Women'] },
  expectedResults: '2,000 women oriented before departure; a helpline answering in Tagalog and Spanish.',
  indicators: [
    { indicator: 'Workers oriented before departure', unit: 'people', women: 2000, men: 150 },
    { indicator: 'Helpline cases resolved', unit: 'cases', women: 300, men: 20 },
  ],
  frameworks: ['gfmd-rt-2-2'],
  language: 'en',
};

const reintegration: PilotContent = {
  title: 'Return and reintegration of care workers (demo)',
  summary: 'Skills recognition and small-business support for women returning from care work in Mexico.',
  objectives: 'Returning women find work or start a business within six months of their return.',
  themes: ['emigration-immigration-return', 'remittances-investment'],
  stages: ['destination'],
  countries: [
    { code: 'PH', role: 'origin' },
    { code: 'MX', role: 'destination' },
  ],
  period: { start: '2027-01-01', end: '2028-06-30' },
  budget: { range: '50k-250k', sources: ['Department of Migrant Workers'] },
  expectedResults: '400 returning women with recognised skills; 100 new small businesses.',
  indicators: [{ indicator: 'Returnees with recognised skills', unit: 'people', women: 400, men: 40 }],
  frameworks: ['gfmd-rt-2-2'],
  language: 'en',
};

/** The activation's reporting timers, without its state-change notices to the demo's focal points. */
const reportingTimers = (pilotWorkflow.transitions.activate.effects ?? []).filter((effect) =>
  effect.startsWith(`${QueueName.Reminders}.`),
);

/**
 * Two demo pilots led by the demo ministry, each step a workflow event as the API writes it: an
 * active one (PH → MX) with the network and the UN entity as accepted partners, and one forming,
 * with the network's invitation waiting for an answer (its notice and timers in the outbox).
 * Pilots already there are left as they are.
 */
export async function seedDemoPilots(tx: EntityManager, cast: DemoPilotCast): Promise<void> {
  const now = Date.now();
  const step = async (
    entityType: 'Pilot' | 'PilotPartner',
    record: Pilot | PilotPartner,
    transition: string,
    actor: User,
    payload: Record<string, unknown> | null = null,
    effects: readonly string[] = [],
  ) => {
    const definition = entityType === 'Pilot' ? pilotWorkflow : pilotPartnerWorkflow;
    // A change that is not a transition (an invitation) leaves the state as it is.
    const spec = (definition.transitions as Record<string, { to: string } | undefined>)[transition] ?? {
      to: record.status,
    };
    // Each event chains to the one before: flush so the next lookup sees it.
    await tx.flush();
    await recordTransition(tx, {
      workflow: definition.name,
      entityType,
      entityId: record.id,
      transition,
      fromState: record.status,
      toState: spec.to,
      actorId: actor.id,
      payload,
      effects,
    });
    record.status = spec.to as never;
  };

  const invited = (partner: PilotPartner) => ({
    partnerId: partner.id,
    organisationId: partner.organisation.id,
    role: partner.role,
  });

  if (!(await tx.count(Pilot, { slug: 'demo-safe-corridors-ph-mx' }))) {
    const pilot = tx.create(Pilot, {
      slug: 'demo-safe-corridors-ph-mx',
      leadOrganisation: cast.ministry,
      content: safeCorridors,
      createdBy: cast.maria,
    });
    tx.create(PilotPartner, {
      pilot,
      organisation: cast.ministry,
      role: 'lead',
      status: 'accepted',
      invitedBy: cast.maria,
      respondedBy: cast.maria,
      respondedAt: new Date(),
    });
    await step('Pilot', pilot, 'propose', cast.maria);
    const partners: [Organisation, PilotPartner['role'], User, string[]][] = [
      [cast.network, 'implementing', cast.lucia, []],
      [cast.un, 'technical', cast.rosa, ['PH', 'MX']],
    ];
    for (const [organisation, role, focal, countries] of partners) {
      const partner = tx.create(PilotPartner, {
        pilot,
        organisation,
        role,
        message: 'We would like you with us on this corridor.',
        invitedBy: cast.maria,
        expiresAt: new Date(now + 14 * day),
      });
      await step('Pilot', pilot, 'invite', cast.maria, invited(partner));
      await step('PilotPartner', partner, 'accept', focal);
      partner.countries = countries;
      partner.respondedBy = focal;
      partner.respondedAt = new Date();
    }
    await step('Pilot', pilot, 'start_forming', cast.maria);
    await step('Pilot', pilot, 'activate', cast.maria, null, reportingTimers);
    pilot.activatedAt = new Date();
  }

  if (!(await tx.count(Pilot, { slug: 'demo-return-reintegration' }))) {
    const pilot = tx.create(Pilot, {
      slug: 'demo-return-reintegration',
      leadOrganisation: cast.ministry,
      content: reintegration,
      createdBy: cast.maria,
    });
    tx.create(PilotPartner, {
      pilot,
      organisation: cast.ministry,
      role: 'lead',
      status: 'accepted',
      invitedBy: cast.maria,
      respondedBy: cast.maria,
      respondedAt: new Date(),
    });
    await step('Pilot', pilot, 'propose', cast.maria);
    const invitation = tx.create(PilotPartner, {
      pilot,
      organisation: cast.network,
      role: 'implementing',
      message: 'Your network knows the women coming home; would you run the skills desks?',
      invitedBy: cast.maria,
      expiresAt: new Date(now + 14 * day),
    });
    await step('Pilot', pilot, 'invite', cast.maria, invited(invitation));
    for (const jobName of [PilotJob.InvitationReceived, PilotJob.ScheduleInvitationTimers])
      tx.create(OutboxMessage, {
        queue: QueueName.Pilots,
        jobName,
        payload: { partnerId: invitation.id, invitedAt: invitation.invitedAt.toISOString() },
      });
    await step('Pilot', pilot, 'start_forming', cast.maria);
  }
}
