import type { ReviewInput } from '../review';

/** A review with every part required on submission, recommending acceptance. */
export const completeReview = {
  scores: {
    relevance: 5,
    evidence: 4,
    genderResponsiveness: 5,
    rightsBased: 5,
    partnership: 3,
    sustainability: 4,
    replicability: 4,
  },
  recommendation: 'accept',
  commentsToAuthors: 'A clear, well-evidenced practice.',
  confidentialComments: 'No concerns.',
} satisfies ReviewInput;
