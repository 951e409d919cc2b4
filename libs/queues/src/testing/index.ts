export * from './test-redis-prefix';
