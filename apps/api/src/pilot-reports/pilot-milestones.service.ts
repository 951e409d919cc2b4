import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type {
  CreatePilotMilestoneInput,
  PilotMilestone as MilestoneDto,
  PilotMilestoneList,
  RemovalQuery,
  UpdatePilotMilestoneInput,
} from '@pathways/contracts';
import { PilotMilestone } from '@pathways/persistence';
import type { Caller, SignedInCaller } from '../access/caller';
import { conflict, forbidden, staleVersion } from '../common/domain-error';
import { recordPilotChange } from '../pilots/pilot-changes';
import { findMilestone, milestoneSubject, type PilotScope, readablePilot } from './pilot-report.access';
import { toMilestoneDto } from './pilot-report.mapper';

/** What the pilot's log says of a milestone: which one, by the title it has (or had) then. */
const changed = (milestone: PilotMilestone) => ({ milestoneId: milestone.id, title: milestone.title });

/**
 * The lead's milestones of a running pilot: whoever sees the pilot sees them. Each change is an
 * event on the pilot's chain, written in the change's transaction.
 */
@Injectable()
export class PilotMilestonesService {
  constructor(private readonly em: EntityManager) {}

  async list(pilotId: string, caller: Caller): Promise<PilotMilestoneList> {
    const { pilot } = await readablePilot(this.em, pilotId, caller);
    const rows = await this.em.find(
      PilotMilestone,
      { pilot },
      { orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] },
    );
    return { items: rows.map(toMilestoneDto) };
  }

  async create(
    pilotId: string,
    input: CreatePilotMilestoneInput,
    caller: SignedInCaller,
  ): Promise<MilestoneDto> {
    const scope = await this.editable(pilotId, caller);
    const milestone = await this.em.transactional(async (em) => {
      const row = em.create(PilotMilestone, { pilot: scope.pilot, ...input });
      await recordPilotChange(em, scope.pilot.id, 'add_milestone', caller.user.id, changed(row));
      return row;
    });
    return toMilestoneDto(milestone);
  }

  async update(
    pilotId: string,
    id: string,
    { version, ...changes }: UpdatePilotMilestoneInput,
    caller: SignedInCaller,
  ): Promise<MilestoneDto> {
    const scope = await this.editable(pilotId, caller);
    const milestone = await findMilestone(this.em, scope, id);
    if (milestone.version !== version) throw staleVersion('milestone');
    this.em.assign(milestone, changes);
    // Touching it bumps the version even when nothing changed, so a concurrent save still conflicts.
    milestone.updatedAt = new Date();
    await this.em.transactional((em) =>
      recordPilotChange(em, scope.pilot.id, 'update_milestone', caller.user.id, changed(milestone)),
    );
    return toMilestoneDto(milestone);
  }

  /** Removes the milestone only as the caller saw it: 409, naming it, when someone changed it since. */
  async remove(
    pilotId: string,
    id: string,
    { version }: RemovalQuery,
    caller: SignedInCaller,
  ): Promise<void> {
    const scope = await this.editable(pilotId, caller);
    const milestone = await findMilestone(this.em, scope, id);
    const changedSince = () =>
      conflict(
        'STALE_VERSION',
        `The milestone "${milestone.title}" was changed by someone else. Reload it and try again.`,
      );
    if (milestone.version !== version) throw changedSince();
    await this.em.transactional(async (em) => {
      await recordPilotChange(em, scope.pilot.id, 'remove_milestone', caller.user.id, changed(milestone));
      // Under the pilot's lock, and only at that version: a change that came first wins (and no event stays).
      if (!(await em.nativeDelete(PilotMilestone, { id: milestone.id, version }))) throw changedSince();
    });
  }

  /** 404 unseen, 403 for anyone but the lead's focal points, 409 unless the pilot runs. */
  private async editable(pilotId: string, caller: Caller): Promise<PilotScope> {
    const scope = await readablePilot(this.em, pilotId, caller);
    if (!caller.ability.can('update', milestoneSubject(scope.pilot)))
      throw forbidden("Only the lead organisation's focal points keep the milestones.");
    if (scope.pilot.status !== 'active')
      throw conflict(
        'INVALID_STATE',
        `This pilot is ${scope.pilot.status}; milestones change only while it is active.`,
      );
    return scope;
  }
}
