export * from './test-database';
export * from './practice-publication';
