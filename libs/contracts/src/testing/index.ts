export * from './practice-content';
export * from './review';
