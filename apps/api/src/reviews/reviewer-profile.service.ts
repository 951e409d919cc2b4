import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { type FieldIssue, type ReviewerProfile, seedTaxonomy } from '@pathways/contracts';
import { User } from '@pathways/persistence';
import { asSubject } from '@pathways/permissions';
import type { SignedInCaller } from '../access/caller';
import { AuditService } from '../audit/audit.service';
import { DomainError, forbidden, notFound } from '../common/domain-error';

// The same theme codes a practice may carry (PracticeContent), so expertise and practices can match.
const themeCodes = new Set(seedTaxonomy.filter((t) => t.vocabulary === 'theme').map((t) => t.code));

const toProfile = (user: User): ReviewerProfile => ({
  themes: user.expertiseThemes,
  languages: user.reviewLanguages,
  countries: user.expertiseCountries,
});

const unique = <T>(list: readonly T[]) => [...new Set(list)];

/** A reviewer's expertise (themes, languages, countries), which ranks reviewer suggestions. */
@Injectable()
export class ReviewerProfileService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditService,
  ) {}

  async mine(caller: SignedInCaller): Promise<ReviewerProfile> {
    this.assertReviewer(caller.user);
    return toProfile(caller.user);
  }

  async updateMine(input: ReviewerProfile, caller: SignedInCaller): Promise<ReviewerProfile> {
    this.assertReviewer(caller.user);
    return this.save(caller.user, input, caller);
  }

  async get(userId: string, caller: SignedInCaller): Promise<ReviewerProfile> {
    return toProfile(await this.user(userId, 'read', caller));
  }

  async update(userId: string, input: ReviewerProfile, caller: SignedInCaller): Promise<ReviewerProfile> {
    return this.save(await this.user(userId, 'update', caller), input, caller);
  }

  private async save(user: User, input: ReviewerProfile, caller: SignedInCaller): Promise<ReviewerProfile> {
    const issues: FieldIssue[] = input.themes.flatMap((code, index) =>
      themeCodes.has(code) ? [] : [{ path: `themes.${index}`, message: 'Choose themes from the taxonomy' }],
    );
    if (issues.length) {
      throw new DomainError(400, 'VALIDATION_FAILED', 'Check these fields: themes.', issues);
    }
    user.expertiseThemes = unique(input.themes);
    user.reviewLanguages = unique(input.languages);
    user.expertiseCountries = unique(input.countries);
    this.audit.record(caller, 'reviewer_profile.updated', { type: 'User', id: user.id }, toProfile(user));
    await this.em.flush();
    return toProfile(user);
  }

  private assertReviewer(user: User): void {
    if (!user.roles.includes('reviewer')) throw forbidden('Only reviewers have a reviewer profile.');
  }

  private async user(id: string, action: 'read' | 'update', caller: SignedInCaller): Promise<User> {
    if (!caller.ability.can(action, asSubject('ReviewerProfile', { user: id }))) {
      throw forbidden('Only admins manage other reviewers’ profiles.');
    }
    const user = await this.em.findOne(User, { id });
    if (!user) throw notFound('user');
    return user;
  }
}
