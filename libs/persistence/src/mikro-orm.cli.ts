// Configuration for the MikroORM CLI (migration:create); the apps build their config with ormConfig().
import { ormConfig } from './orm.config';

export default ormConfig({
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/pathways_migrations',
});
