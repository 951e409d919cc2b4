import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128165841 } from './Migration20261128165841';
import { Migration20261128180049 } from './Migration20261128180049';
import { Migration20261128180512 } from './Migration20261128180512';
import { Migration20261128181617 } from './Migration20261128181617';
import { Migration20261128182335 } from './Migration20261128182335';
import { Migration20261128182434 } from './Migration20261128182434';
import { Migration20261128192630 } from './Migration20261128192630';
import { Migration20261128204000 } from './Migration20261128204000';
import { Migration20261129120000 } from './Migration20261129120000';
import { Migration20261202100000 } from './Migration20261202100000';
import { Migration20261202110000 } from './Migration20261202110000';
import { Migration20261202120000 } from './Migration20261202120000';
import { Migration20261202130000 } from './Migration20261202130000';
import { Migration20261202140000 } from './Migration20261202140000';
import { Migration20261202150000 } from './Migration20261202150000';
import { Migration20261202160000 } from './Migration20261202160000';
import { Migration20261202170000 } from './Migration20261202170000';
import { Migration20261202171000 } from './Migration20261202171000';
import { Migration20261202190000 } from './Migration20261202190000';
import { Migration20261203090000 } from './Migration20261203090000';

/**
 * Every migration, in order. Generate new ones with `npm run migration:create`, review, and add them
 * here. The generator re-creates CHECK constraints whose text PostgreSQL normalised; delete that
 * noise by hand (the constraints are declared with @Check on the entities).
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261128165841', class: Migration20261128165841 },
  { name: 'Migration20261128180049', class: Migration20261128180049 },
  { name: 'Migration20261128180512', class: Migration20261128180512 },
  { name: 'Migration20261128181617', class: Migration20261128181617 },
  { name: 'Migration20261128182335', class: Migration20261128182335 },
  { name: 'Migration20261128182434', class: Migration20261128182434 },
  { name: 'Migration20261128192630', class: Migration20261128192630 },
  { name: 'Migration20261128204000', class: Migration20261128204000 },
  { name: 'Migration20261129120000', class: Migration20261129120000 },
  { name: 'Migration20261202100000', class: Migration20261202100000 },
  { name: 'Migration20261202110000', class: Migration20261202110000 },
  { name: 'Migration20261202120000', class: Migration20261202120000 },
  { name: 'Migration20261202130000', class: Migration20261202130000 },
  { name: 'Migration20261202140000', class: Migration20261202140000 },
  { name: 'Migration20261202150000', class: Migration20261202150000 },
  { name: 'Migration20261202160000', class: Migration20261202160000 },
  { name: 'Migration20261202170000', class: Migration20261202170000 },
  { name: 'Migration20261202171000', class: Migration20261202171000 },
  { name: 'Migration20261202190000', class: Migration20261202190000 },
  { name: 'Migration20261203090000', class: Migration20261203090000 },
];
