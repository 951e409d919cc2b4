import type { WorkflowEventDto } from '@pathways/contracts';
import type { PilotPartner, WorkflowEvent } from '@pathways/persistence';
import { pilotChangeEvents } from '@pathways/workflow';
import { toEventDto } from '../workflow/workflow-events.service';

const changes: readonly string[] = pilotChangeEvents;

/** What a pilot's timeline is merged from: its own chain, its invitations' chains, their organisations. */
export interface PilotTimelineSource {
  pilotEvents: readonly WorkflowEvent[];
  partnerEvents: readonly WorkflowEvent[];
  partners: readonly PilotPartner[];
  /** Names of the organisations the events mention (invited, reporting), by id. */
  organisationNames: ReadonlyMap<string, string>;
}

/**
 * Who reads how much: the public only the pilot's changes of state, without who made them; signed-in
 * readers every change, except the invitations of organisations they may not see on the pilot page
 * (pending or refused ones of other organisations), named by `hiddenOrganisations`.
 */
export type PilotTimelineReader = { signedIn: false } | { signedIn: true; hiddenOrganisations: Set<string> };

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The pilot's events and its partners', oldest first, each saying what it concerns. */
export function pilotTimeline(source: PilotTimelineSource, reader: PilotTimelineReader): WorkflowEventDto[] {
  if (!reader.signedIn)
    return source.pilotEvents
      .filter((event) => !changes.includes(event.transition))
      .map((event) => ({ ...toEventDto(event), actorId: null }));

  const partnerOf = new Map(source.partners.map((p) => [p.id, p]));
  const name = (id: string | null) => (id ? (source.organisationNames.get(id) ?? null) : null);
  const own = source.pilotEvents.map((event) => {
    const organisationId = text(event.payload?.organisationId);
    const subject = organisationId ? name(organisationId) : text(event.payload?.title);
    const detail = event.transition === 'invite' ? text(event.payload?.role) : null;
    const compiled = event.payload?.compiled === true ? 'compiled' : null;
    return { event, organisationId, dto: { ...toEventDto(event), subject, detail: detail ?? compiled } };
  });
  // An invitation's own events name the organisation of its row (the demo seed's carry no payload).
  const invitations = source.partnerEvents.map((event) => {
    const organisationId = partnerOf.get(event.entityId)?.organisation.id ?? null;
    const detail = event.transition === 'reinvite' ? text(event.payload?.role) : null;
    return { event, organisationId, dto: { ...toEventDto(event), subject: name(organisationId), detail } };
  });
  return [...own, ...invitations]
    .filter(({ organisationId }) => !organisationId || !reader.hiddenOrganisations.has(organisationId))
    .sort(
      (a, b) =>
        a.event.createdAt.getTime() - b.event.createdAt.getTime() ||
        // An invitation's event follows the pilot's at the same instant (sent, then answered).
        Number(a.event.entityType !== 'Pilot') - Number(b.event.entityType !== 'Pilot') ||
        a.event.sequence - b.event.sequence,
    )
    .map(({ dto }) => dto);
}
