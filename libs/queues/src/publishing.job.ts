export const PublishingJob = {
  PublishPractice: 'publish-practice',
  RetractPractice: 'retract-practice',
} as const;
