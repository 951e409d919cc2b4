import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Pilot, PilotPartner } from '@pathways/persistence';
import { accessibleFilter, type AppAbility } from '@pathways/permissions';
import type { Caller } from '../access/caller';
import { conflict, forbidden, notFound } from '../common/domain-error';
import { pilotSubject } from './pilot.subject';

/** A pilot with its partner rows (organisations loaded): what its subject and context need. */
export interface LoadedPilot {
  pilot: Pilot;
  partners: PilotPartner[];
}

/** The lead holds the proposal, and may change it, until the pilot starts. */
export const editablePilotStates: readonly Pilot['status'][] = ['draft', 'proposed', 'forming'];
/** The lead may invite partners until the pilot ends. */
export const invitingPilotStates: readonly Pilot['status'][] = ['draft', 'proposed', 'forming', 'active'];

/** Partner rows of the pilots, by pilot id, in one query. */
export async function partnersOf(
  em: EntityManager,
  pilotIds: readonly string[],
): Promise<Map<string, PilotPartner[]>> {
  const byPilot = new Map<string, PilotPartner[]>(pilotIds.map((id) => [id, []]));
  if (!pilotIds.length) return byPilot;
  const rows = await em.find(
    PilotPartner,
    { pilot: { $in: [...pilotIds] } },
    { populate: ['organisation'], orderBy: { invitedAt: 'asc', id: 'asc' } },
  );
  for (const row of rows) byPilot.get(row.pilot.id)?.push(row);
  return byPilot;
}

export async function loadPilot(em: EntityManager, id: string, refresh = false): Promise<LoadedPilot | null> {
  const pilot = await em.findOne(Pilot, { id }, { populate: ['leadOrganisation'], refresh });
  if (!pilot) return null;
  const partners = (await partnersOf(em, [pilot.id])).get(pilot.id) ?? [];
  return { pilot, partners };
}

/** Loads a pilot the caller may see; anything else is "not found", never "forbidden". */
export async function readablePilot(em: EntityManager, id: string, caller: Caller): Promise<LoadedPilot> {
  const loaded = await loadPilot(em, id);
  if (!loaded || !caller.ability.can('read', pilotSubject(loaded.pilot, loaded.partners)))
    throw notFound('pilot');
  return loaded;
}

/** 403 when the caller may not edit it at all, 409 when the pilot has started or ended. */
export function assertPilotEditable({ pilot, partners }: LoadedPilot, caller: Caller): void {
  if (!caller.ability.can('update', pilotSubject(pilot, partners)))
    throw forbidden("Only the lead organisation's focal points edit this pilot.");
  if (!editablePilotStates.includes(pilot.status))
    throw conflict(
      'INVALID_STATE',
      `This pilot is ${pilot.status}; its proposal can change only until it starts.`,
    );
}

type Filter = Record<string, unknown>;

/**
 * The pilots the ability lets the caller read, as a filter MikroORM runs in SQL. CASL's
 * `partnerOrganisations` is not a column: it becomes the ids of pilots with a partner row of those
 * organisations (one query; an organisation is invited to few pilots).
 */
export async function readablePilotsFilter(
  em: EntityManager,
  ability: AppAbility,
): Promise<FilterQuery<Pilot> | null> {
  const allowed = accessibleFilter(ability, 'read', 'Pilot');
  if (!allowed) return null;
  const translate = async (value: unknown): Promise<unknown> => {
    if (Array.isArray(value)) return Promise.all(value.map(translate));
    if (value === null || typeof value !== 'object' || value instanceof Date) return value;
    const out: Filter = {};
    for (const [key, inner] of Object.entries(value as Filter)) {
      if (key !== 'partnerOrganisations') {
        out[key] = await translate(inner);
        continue;
      }
      const organisations = (inner as { $in?: string[] }).$in;
      if (!Array.isArray(organisations)) throw new Error('partnerOrganisations rules must use $in');
      const ids = await pilotIdsWithPartners(em, organisations);
      // Merge with an id condition on the same level rather than overwrite it.
      out.$and = [...((out.$and as unknown[]) ?? []), { id: { $in: ids } }];
    }
    return out;
  };
  return (await translate(allowed)) as FilterQuery<Pilot>;
}

/** Ids of the pilots any of these organisations was invited to or leads (any answer). */
export async function pilotIdsWithPartners(
  em: EntityManager,
  organisations: readonly string[],
): Promise<string[]> {
  if (!organisations.length) return [];
  const rows = await em.find(
    PilotPartner,
    { organisation: { $in: [...organisations] } },
    { fields: ['pilot'], disableIdentityMap: true },
  );
  return [...new Set(rows.map((r) => r.pilot.id))];
}
