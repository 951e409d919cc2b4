/** Editors' decisions on a practice; each is explained to the authors, so a rationale is required. */
export const decisionsNeedingRationale: readonly string[] = [
  'desk_reject',
  'desk_reject_revision',
  'request_revisions',
  'accept',
  'reject',
  'reject_revision',
];

export const needsRationale = (transition: string): boolean => decisionsNeedingRationale.includes(transition);
