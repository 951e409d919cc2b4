import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128165841 } from './Migration20261128165841';

/** Every migration, in order. Generate new ones with `npm run migration:create`, review, and add them here. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261128165841', class: Migration20261128165841 },
];
