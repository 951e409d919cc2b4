import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { inject } from 'vitest';

/**
 * Pilots written straight into the run's database, for specs about what the public registry shows.
 * The authenticated pilot workflow (propose, invite, activate, report) has its own API and specs;
 * the registry only reads what that workflow leaves behind, so these rows stand in for it.
 */

export interface SeedOrganisation {
  name: string;
  kind: string;
  country: string | null;
  status?: 'verified' | 'pending';
}

export interface SeedPilot {
  slug: string;
  leadId: string;
  status: 'forming' | 'active' | 'completed' | 'closed';
  content: Record<string, unknown>;
  activatedAt: Date | null;
  completedAt?: Date | null;
  partners: { organisationId: string; role: string; status: string }[];
  milestones?: { title: string; dueDate: string; status: string; progress: number }[];
  reports?: {
    organisationId: string;
    compiled: boolean;
    submittedAt: Date | null;
    narrative: string;
    indicators: { indicator: string; women: number | null; men: number | null }[];
  }[];
}

export async function withDatabase<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: inject('databaseUrl') });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

export async function seedOrganisation(db: Client, org: SeedOrganisation): Promise<string> {
  const id = randomUUID();
  const verified = (org.status ?? 'verified') === 'verified';
  await db.query(
    `insert into organisation (id, name, kind, country, status, verified_at, created_at, updated_at, version)
     values ($1, $2, $3, $4, $5, $6, now(), now(), 1)`,
    [id, org.name, org.kind, org.country, verified ? 'verified' : 'pending', verified ? new Date() : null],
  );
  return id;
}

/** A pilot with its partners (the lead first, accepted), milestones and reports. */
export async function seedPilot(db: Client, pilot: SeedPilot): Promise<string> {
  const id = randomUUID();
  await db.query(
    `insert into pilot (id, slug, lead_organisation_id, status, content, activated_at, completed_at,
       created_at, updated_at, version)
     values ($1, $2, $3, $4, $5, $6, $7, now(), now(), 1)`,
    [id, pilot.slug, pilot.leadId, pilot.status, pilot.content, pilot.activatedAt, pilot.completedAt ?? null],
  );
  const partners = [{ organisationId: pilot.leadId, role: 'lead', status: 'accepted' }, ...pilot.partners];
  for (const p of partners) {
    await db.query(
      `insert into pilot_partner (id, pilot_id, organisation_id, role, status, countries, invited_at, updated_at, version)
       values ($1, $2, $3, $4, $5, '{}', now(), now(), 1)`,
      [randomUUID(), id, p.organisationId, p.role, p.status],
    );
  }
  for (const m of pilot.milestones ?? []) {
    await db.query(
      `insert into pilot_milestone (id, pilot_id, title, due_date, status, progress, created_at, updated_at, version)
       values ($1, $2, $3, $4, $5, $6, now(), now(), 1)`,
      [randomUUID(), id, m.title, m.dueDate, m.status, m.progress],
    );
  }
  for (const r of pilot.reports ?? []) {
    await db.query(
      `insert into pilot_report (id, pilot_id, organisation_id, period_start, period_end, narrative, indicators,
         compiled, submitted_at, created_at, updated_at, version)
       values ($1, $2, $3, '2026-01-01', '2026-06-30', $4, $5, $6, $7, now(), now(), 1)`,
      [
        randomUUID(),
        id,
        r.organisationId,
        r.narrative,
        JSON.stringify(r.indicators),
        r.compiled,
        r.submittedAt,
      ],
    );
  }
  return id;
}
