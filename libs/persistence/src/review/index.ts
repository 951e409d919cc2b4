export * from './review-panel';
export * from './review-policy';
export * from './reviewer-suggestions';
export * from './invite-reviewer';
