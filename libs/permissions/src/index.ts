export * from './ability';
export * from './actor';
export * from './define-ability';
export * from './practice-fields';
export * from './subject';
export * from './to-filter';
export { ForbiddenError, subject } from '@casl/ability';
export { permittedFieldsOf } from '@casl/ability/extra';
export { authorTransitions, editorTransitions, pilotLeadTransitions } from './rules';
