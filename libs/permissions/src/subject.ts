import { subject } from '@casl/ability';
import type { SubjectShapes, SubjectType } from './ability';

/** Tags a plain object with its subject type, so type-based rules apply to it. */
export const asSubject = <K extends SubjectType>(type: K, object: SubjectShapes[K]) =>
  subject(type, { ...object }) as SubjectShapes[K] & { __caslSubjectType__: K };
