export * from './event-hash';
export * from './record-transition';
export * from './apply-transition';
export * from './record-change';
