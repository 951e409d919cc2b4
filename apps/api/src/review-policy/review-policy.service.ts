import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { ReviewPolicy as ReviewPolicyDto, UpdateReviewPolicyInput } from '@pathways/contracts';
import { loadReviewPolicy, ReviewPolicy } from '@pathways/persistence';
import type { SignedInCaller } from '../access/caller';
import { AuditService } from '../audit/audit.service';
import { staleVersion } from '../common/domain-error';

// Audit subjects are uuids; the one policy row is called "default", so the nil uuid stands for it.
const policyAuditId = '00000000-0000-0000-0000-000000000000';

/** The one review policy: defaults until an admin first saves it (version 0), then the saved row. */
@Injectable()
export class ReviewPolicyService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  get(): Promise<ReviewPolicyDto> {
    return loadReviewPolicy(this.em);
  }

  /**
   * Saves the whole policy if nobody saved it since the admin read it. The first save creates the
   * row; two first saves at once collide on its primary key, and the loser is told it is stale.
   */
  async update(input: UpdateReviewPolicyInput, caller: SignedInCaller): Promise<ReviewPolicyDto> {
    const { version, ...settings } = input;
    const before = await loadReviewPolicy(this.em);
    if (before.version !== version) throw staleVersion('review policy');
    const row = await this.em.findOne(ReviewPolicy, { id: 'default' });
    if (row) {
      // The UPDATE repeats the version check (optimistic lock → 409) should someone save in between.
      this.em.assign(row, { ...settings, updatedBy: caller.user });
    } else {
      this.em.create(ReviewPolicy, { ...settings, updatedBy: caller.user });
    }
    this.audit.record(
      caller,
      'review_policy.updated',
      { type: 'ReviewPolicy', id: policyAuditId },
      {
        before: withoutMeta(before),
        after: settings,
      },
    );
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw staleVersion('review policy');
      throw error;
    }
    return loadReviewPolicy(this.em);
  }
}

const withoutMeta = ({ version: _version, updatedAt: _updatedAt, ...settings }: ReviewPolicyDto) => settings;
