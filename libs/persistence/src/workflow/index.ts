export * from './event-hash';
export * from './record-transition';
