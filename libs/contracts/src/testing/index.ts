export * from './practice-content';
