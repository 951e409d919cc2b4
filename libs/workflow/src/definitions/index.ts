export * from './practice.workflow';
export * from './review-assignment.workflow';
