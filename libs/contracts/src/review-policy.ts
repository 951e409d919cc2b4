import { z } from 'zod';

export const blindModes = ['single', 'double'] as const;
export type BlindMode = (typeof blindModes)[number];

const days = (field: string, min: number, max: number) =>
  z
    .number({ error: `${field} must be a number of days` })
    .int(`${field} must be a whole number of days`)
    .min(min, `${field} must be at least ${min}`)
    .max(max, `${field} must be at most ${max}`);

/**
 * How peer review runs (DESIGN §4), edited by admins. Durations are in days; a "day" lasts
 * DAY_SECONDS seconds (86400 unless tests compress time).
 */
export const ReviewPolicySettings = z
  .object({
    reviewersRequired: z
      .number({ error: 'reviewersRequired must be a number' })
      .int('reviewersRequired must be a whole number')
      .min(1, 'At least one reviewer is required')
      .max(10, 'At most 10 reviewers'),
    /** At least one reviewer from a verified UN entity, as the UN Migration Network Hub does. */
    requireUnEntityReviewer: z.boolean({ error: 'requireUnEntityReviewer must be true or false' }),
    /** single: authors do not see reviewers; double: reviewers do not see authors either. */
    blindMode: z.enum(blindModes, { error: 'blindMode is single or double' }),
    invitationWindowDays: days('invitationWindowDays', 1, 60),
    reviewDueDays: days('reviewDueDays', 1, 180),
    /** 0: no reminder before the due date. */
    remindBeforeDueDays: days('remindBeforeDueDays', 0, 179),
    remindOnDue: z.boolean({ error: 'remindOnDue must be true or false' }),
    /** 0: no reminder after the due date. */
    remindAfterDueDays: days('remindAfterDueDays', 0, 60),
    /** Days after the due date when the editors are told a review is overdue. */
    escalateAfterOverdueDays: days('escalateAfterOverdueDays', 0, 90),
    /** Invite the best-ranked remaining reviewer when one declines or lets the invitation expire. */
    inviteBackupReviewer: z.boolean({ error: 'inviteBackupReviewer must be true or false' }),
    /** Invite one more reviewer when submitted recommendations include both accept and reject. */
    extraReviewerOnDisagreement: z.boolean({ error: 'extraReviewerOnDisagreement must be true or false' }),
  })
  .strict();
export type ReviewPolicySettings = z.infer<typeof ReviewPolicySettings>;

const withinDueDate = (p: ReviewPolicySettings) => p.remindBeforeDueDays < p.reviewDueDays;
const withinDueDateIssue = {
  message: 'remindBeforeDueDays must be shorter than reviewDueDays',
  path: ['remindBeforeDueDays'],
};

export const defaultReviewPolicy: ReviewPolicySettings = {
  reviewersRequired: 3,
  requireUnEntityReviewer: true,
  blindMode: 'single',
  invitationWindowDays: 7,
  reviewDueDays: 21,
  remindBeforeDueDays: 3,
  remindOnDue: true,
  remindAfterDueDays: 3,
  escalateAfterOverdueDays: 7,
  inviteBackupReviewer: true,
  extraReviewerOnDisagreement: true,
};

export const ReviewPolicy = ReviewPolicySettings.extend({
  /** 0 while the defaults have never been saved. */
  version: z.number().int().min(0),
  updatedAt: z.iso.datetime().nullable(),
});
export type ReviewPolicy = z.infer<typeof ReviewPolicy>;

export const UpdateReviewPolicyInput = ReviewPolicySettings.extend({
  /** The version the admin saw; a concurrent change answers 409. */
  version: z.number({ error: 'version is required' }).int().min(0),
})
  .strict()
  .refine(withinDueDate, withinDueDateIssue);
export type UpdateReviewPolicyInput = z.infer<typeof UpdateReviewPolicyInput>;

/** Milliseconds in `count` policy days, given how long a day lasts (DAY_SECONDS). */
export const policyDays = (count: number, daySeconds: number): number => count * daySeconds * 1000;
