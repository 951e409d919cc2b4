// What the e2e setup and `npm test` use from the local stack.
export { readConfig, type ServicePlan, type StackConfig } from './config';
export { type LogSink, prefixedConsole } from './log';
export { databaseOf, dropDatabase, ensureDatabase, redact, withDatabase } from './postgres.client';
export { freePort, isPortFree } from './ports';
export { deleteKeys } from './redis';
export { obtainServices, type Services } from './services';
export { LocalStack, type StackInfo, type StackOptions, startStack } from './stack';
export { workspaceRoot } from './workspace';
