import type { ReviewPolicy } from '@pathways/contracts';

/** Whole numbers, with the bounds the contract sets (shown in the messages and on the inputs). */
export const policyNumberFields = {
  reviewersRequired: { min: 1, max: 10 },
  invitationWindowDays: { min: 1, max: 60 },
  reviewDueDays: { min: 1, max: 180 },
  remindBeforeDueDays: { min: 0, max: 179 },
  remindAfterDueDays: { min: 0, max: 60 },
  escalateAfterOverdueDays: { min: 0, max: 90 },
} as const;
export type PolicyNumberField = keyof typeof policyNumberFields;
export const policyNumberNames = Object.keys(policyNumberFields) as PolicyNumberField[];

export const policyFlagFields = [
  'requireUnEntityReviewer',
  'remindOnDue',
  'inviteBackupReviewer',
  'extraReviewerOnDisagreement',
] as const;
export type PolicyFlagField = (typeof policyFlagFields)[number];

/** The saved policy as the form's strings (ticked boxes are "true"). */
export function valuesFromPolicy(policy: ReviewPolicy): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of policyNumberNames) values[name] = String(policy[name]);
  for (const name of policyFlagFields) values[name] = policy[name] ? 'true' : '';
  values.blindMode = policy.blindMode;
  values.version = String(policy.version);
  return values;
}
