import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { MikroORM } from '@mikro-orm/postgresql';
import { migrate, ormConfig, rebuildLibrary } from '@pathways/persistence';
import { createApp } from './app.factory';
import { OpenApiHolder } from './openapi/openapi.holder';
import { ConfigError, loadApiConfig } from './config/api-config';
import { seedDemo } from './seed/demo-seed';

const usage = `Usage: node cli.js <command>
  migrate              apply pending database migrations
  seed [--json]        load the taxonomy and demo data (idempotent) and print the demo logins
  library:rebuild      rebuild the public library's read model from the practices
  openapi <file>       write the OpenAPI document`;

async function run(command: string | undefined, args: string[]): Promise<void> {
  const config = loadApiConfig();
  switch (command) {
    case 'migrate': {
      const applied = await migrate(config.DATABASE_URL);
      console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date');
      return;
    }
    case 'seed': {
      const orm = await MikroORM.init(ormConfig({ databaseUrl: config.DATABASE_URL, poolMax: 2 }));
      try {
        const logins = await seedDemo(orm.em.fork());
        if (args.includes('--json')) {
          console.log(JSON.stringify(logins));
        } else {
          const width = Math.max(...logins.map((l) => l.email.length));
          for (const login of logins) {
            console.log(`  ${login.key.padEnd(10)} ${login.email.padEnd(width)}  ${login.password}`);
          }
        }
      } finally {
        await orm.close();
      }
      return;
    }
    case 'library:rebuild': {
      const orm = await MikroORM.init(ormConfig({ databaseUrl: config.DATABASE_URL, poolMax: 2 }));
      try {
        const counts = await rebuildLibrary(orm.em.fork());
        console.log(
          `Library rebuilt: ${counts.listed} listed, ${counts.retracted} retracted, ${counts.removed} removed`,
        );
      } finally {
        await orm.close();
      }
      return;
    }
    case 'openapi': {
      if (!args[0]) throw new ConfigError(usage);
      const app = await createApp({ ...config, LOG_LEVEL: 'silent' });
      try {
        writeFileSync(args[0], `${JSON.stringify(app.get(OpenApiHolder).document, null, 2)}\n`);
      } finally {
        await app.close();
      }
      return;
    }
    default:
      throw new ConfigError(usage);
  }
}

// exitCode rather than exit(): a pipe reading the logins must receive all of them first.
run(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});
