import type { ReviewAssignment as ReviewAssignmentDto } from '@pathways/contracts';
import type { ReviewAssignment } from '@pathways/persistence';
import { asSubject } from '@pathways/permissions';

export const reviewAssignmentSubject = (a: ReviewAssignment) =>
  asSubject('ReviewAssignment', {
    id: a.id,
    reviewer: a.reviewer.id,
    practice: a.practice.id,
    status: a.status,
  });

export const toReviewAssignmentDto = (a: ReviewAssignment): ReviewAssignmentDto => ({
  id: a.id,
  practiceId: a.practice.id,
  practiceTitle: String(a.practiceVersion.content.title ?? a.practice.slug),
  practiceVersionNumber: a.practiceVersion.number,
  reviewerId: a.reviewer.id,
  reviewerName: a.reviewer.name,
  status: a.status,
  origin: a.origin,
  invitedAt: a.invitedAt.toISOString(),
  respondBy: a.respondBy.toISOString(),
  dueAt: a.dueAt?.toISOString() ?? null,
  conflictDeclaration: a.conflictDeclaration,
  review: a.review,
  submittedAt: a.submittedAt?.toISOString() ?? null,
  version: a.version,
});
