import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { entities } from './entities';
import { migrationsList } from './migrations';

export interface OrmSettings {
  databaseUrl: string;
  /** Connections per process; the default suits one API or worker replica. */
  poolMax?: number;
  debug?: boolean;
}

export const ormConfig = ({ databaseUrl, poolMax = 10, debug = false }: OrmSettings): Options =>
  defineConfig({
    clientUrl: databaseUrl,
    entities,
    discovery: { requireEntitiesArray: true },
    forceUtcTimezone: true,
    pool: { min: 0, max: poolMax },
    debug,
    // Entities are listed explicitly and migrations are imported, so the same config works from
    // TypeScript sources (tests) and compiled output (api, worker, cli).
    // The public library's read model is kept in SQL (src/library), not through entities.
    schemaGenerator: {
      skipTables: [
        'library_match',
        'library_practice',
        'library_practice_version',
        'library_review_decision',
        'library_state',
        'library_word',
      ],
    },
    migrations: {
      migrationsList,
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      path: 'libs/persistence/src/migrations',
      pathTs: 'libs/persistence/src/migrations',
      emit: 'ts',
      silent: true,
    },
  });
