export * from './practice.workflow';
export * from './review-assignment.workflow';
export * from './pilot.workflow';
