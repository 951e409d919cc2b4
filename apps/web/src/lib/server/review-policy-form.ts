import { UpdateReviewPolicyInput } from '@pathways/contracts';
import type { UpdateReviewPolicyInput as PolicyInput } from '@pathways/contracts';
import { m } from '$lib/paraglide/messages';
import { policyFlagFields, policyNumberFields, policyNumberNames } from '$lib/review-policy';
import type { FieldMessages } from './failures';
import { check, formValues, type Checked } from './form';

export const policyFieldNames = [...policyNumberNames, ...policyFlagFields, 'blindMode', 'version'] as const;

export const policyFieldMessages: FieldMessages = {
  ...Object.fromEntries(
    policyNumberNames.map((name) => {
      const bounds = policyNumberFields[name];
      return [
        name,
        () => (name === 'reviewersRequired' ? m.policy_error_reviewers(bounds) : m.policy_error_days(bounds)),
      ];
    }),
  ),
  ...Object.fromEntries(policyFlagFields.map((name) => [name, m.field_invalid])),
  blindMode: m.policy_error_blind_mode,
  version: m.policy_stale,
};

/** A number typed in a form: blank is "not given", anything else must read as a number. */
const numberFrom = (raw: string): number | undefined => (raw === '' ? undefined : Number(raw));

/**
 * Reads the policy form. Check boxes left unticked are not posted, so they mean false; the values
 * come back as strings ("true"/"") so a failed save shows what was chosen.
 */
export function policyFromForm(data: FormData): { values: Record<string, string>; input: unknown } {
  const values: Record<string, string> = formValues(data, policyFieldNames);
  const input: Record<string, unknown> = {};
  for (const name of policyNumberNames) input[name] = numberFrom(values[name] ?? '');
  for (const name of policyFlagFields) {
    const ticked = values[name] === 'on' || values[name] === 'true';
    input[name] = ticked;
    values[name] = ticked ? 'true' : '';
  }
  input.blindMode = values.blindMode;
  input.version = numberFrom(values.version ?? '');
  return { values, input };
}

/** Checks the policy like the API does, with translated messages per field. */
export function checkPolicy(input: unknown): Checked<PolicyInput> {
  const checked = check(UpdateReviewPolicyInput, input, policyFieldMessages);
  if (checked.ok) return checked;
  // The reminder must come before the due date: a rule between two fields, with its own message.
  const before = (input as Record<string, unknown>).remindBeforeDueDays;
  const { min, max } = policyNumberFields.remindBeforeDueDays;
  const inRange = typeof before === 'number' && Number.isInteger(before) && before >= min && before <= max;
  if (checked.errors.remindBeforeDueDays && inRange) {
    checked.errors.remindBeforeDueDays = m.policy_error_remind_before_due();
  }
  return checked;
}
