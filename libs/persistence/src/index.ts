export * from './entities';
export { migrate } from './migrate';
export { migrationsList } from './migrations';
export { ormConfig, type OrmSettings } from './orm.config';
export * from './workflow';
export * from './review';
export * from './library';
export * from './pilot';
