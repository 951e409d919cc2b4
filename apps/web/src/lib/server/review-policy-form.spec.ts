import { describe, expect, it } from 'vitest';
import { defaultReviewPolicy } from '@pathways/contracts';
import { valuesFromPolicy } from '$lib/review-policy';
import { checkPolicy, policyFromForm } from './review-policy-form';

/** The form as the browser posts it: unticked boxes are absent, ticked ones are "on". */
const posted = (values: Record<string, string>): FormData => {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) {
    if (value === 'true') data.append(name, 'on');
    else if (value !== '') data.append(name, value);
    else if (
      ![
        'requireUnEntityReviewer',
        'remindOnDue',
        'inviteBackupReviewer',
        'extraReviewerOnDisagreement',
      ].includes(name)
    )
      data.append(name, value);
  }
  return data;
};

const saved = valuesFromPolicy({ ...defaultReviewPolicy, version: 4, updatedAt: null });

describe('the review policy form', () => {
  it('round-trips the saved policy into UpdateReviewPolicyInput', () => {
    const { input } = policyFromForm(posted(saved));
    expect(checkPolicy(input)).toEqual({ ok: true, data: { ...defaultReviewPolicy, version: 4 } });
  });

  it('reads unticked boxes as false and changed numbers and blind mode', () => {
    const { values, input } = policyFromForm(
      posted({
        ...saved,
        remindOnDue: '',
        inviteBackupReviewer: '',
        reviewersRequired: ' 2 ',
        blindMode: 'double',
      }),
    );
    const checked = checkPolicy(input);
    expect(checked.ok && checked.data).toMatchObject({
      reviewersRequired: 2,
      remindOnDue: false,
      inviteBackupReviewer: false,
      requireUnEntityReviewer: true,
      blindMode: 'double',
    });
    expect(values.remindOnDue).toBe('');
    expect(values.requireUnEntityReviewer).toBe('true');
  });

  it('names each field out of bounds, blank or not a whole number, and keeps what was typed', () => {
    const { values, input } = policyFromForm(
      posted({
        ...saved,
        reviewersRequired: '11',
        reviewDueDays: '',
        invitationWindowDays: '2.5',
        blindMode: 'triple',
      }),
    );
    const checked = checkPolicy(input);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual({
      reviewersRequired: 'Enter a whole number from 1 to 10.',
      reviewDueDays: 'Enter a whole number of days from 1 to 180.',
      invitationWindowDays: 'Enter a whole number of days from 1 to 60.',
      blindMode: 'Choose single-blind or double-blind.',
    });
    expect(values.reviewersRequired).toBe('11');
    expect(values.invitationWindowDays).toBe('2.5');
  });

  it('explains that the reminder must come before the due date', () => {
    const checked = checkPolicy(
      policyFromForm(posted({ ...saved, reviewDueDays: '5', remindBeforeDueDays: '5' })).input,
    );
    expect(checked).toEqual({
      ok: false,
      errors: {
        remindBeforeDueDays:
          'The reminder must come before the due date: make it shorter than the time to write a review.',
      },
    });
  });
});
