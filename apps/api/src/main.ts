import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadApiConfig } from './config/api-config';
import { warmCitationEngines } from './library/practice-citation';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const app = await createApp(config);
  try {
    await app.listen({ host: config.API_HOST, port: config.API_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`Port ${config.API_PORT} is already in use. Set API_PORT to a free port.`);
      await app.close();
      process.exit(1);
    }
    throw error;
  }
  void warmCitationEngines();
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
