import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
// The e2e harness boots the tooling project's stack; specs themselves only use libs.
import {
  deleteKeys,
  dropDatabase,
  freePort,
  type LogSink,
  obtainServices,
  readConfig,
  startStack,
  workspaceRoot,
} from '@pathways/local-stack';
import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import { startSmtpCapture } from './smtp';
import './context';

/** How long one review-policy day lasts in the e2e stack (specs read it with inject('daySeconds')). */
const e2eDaySeconds = 10;

/** Keeps the logs of the last few runs only. */
async function pruneRuns(dir: string, keep: number): Promise<void> {
  const runs = (await readdir(dir).catch(() => [])).filter((name) => name.startsWith('pathways_e2e_'));
  const dated = await Promise.all(
    runs.map(async (name) => ({ name, at: (await stat(join(dir, name))).mtimeMs })),
  );
  dated.sort((a, b) => b.at - a.at);
  await Promise.all(
    dated.slice(keep).map(({ name }) => rm(join(dir, name), { recursive: true, force: true })),
  );
}

/**
 * Starts the built stack for the e2e specs: a fresh database `pathways_e2e_<random>` (on
 * DATABASE_URL's server, else found or started like `npm start`), its own Redis key prefix, free
 * ports, an SMTP capture; migrate + seed; api, worker and web. Everything is stopped and dropped after.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = workspaceRoot(process.cwd());
  const run = `pathways_e2e_${randomBytes(4).toString('hex')}`;
  await pruneRuns(join(root, '.data', 'e2e'), 4);
  const runDir = join(root, '.data', 'e2e', run);
  const logFile = join(runDir, 'stack.log');
  await mkdir(runDir, { recursive: true });
  // The apps' logs go to a file (the console is the specs'); the last lines also stay at hand for errors.
  const logStream = createWriteStream(logFile, { flags: 'a' });
  const recent: string[] = [];
  const log: LogSink = (source, line) => {
    logStream.write(`[${source}] ${line}\n`);
    recent.push(`[${source}] ${line}`);
    if (recent.length > 40) recent.shift();
  };

  const config = readConfig({ PATHWAYS_DATA_DIR: join('.data', 'e2e', 'services'), ...process.env }, root);
  const services = await obtainServices({ config, database: run, log });
  const smtp = await startSmtpCapture(join(runDir, 'mail'));
  const [apiPort, webPort] = [await freePort(), await freePort()];
  let stack: Awaited<ReturnType<typeof startStack>> | undefined;

  const teardown = async () => {
    await stack?.stop();
    await smtp.close();
    await dropDatabase(services.postgres.url).catch(() => undefined);
    await deleteKeys(services.redis.url, run).catch(() => undefined);
    await services.stop();
    await new Promise((resolve) => logStream.end(resolve));
  };

  try {
    stack = await startStack({
      config: {
        ...config,
        apiPort,
        webPort,
        redisPrefix: run,
        postgres: { kind: 'url', url: services.postgres.url },
        redis: { kind: 'url', url: services.redis.url },
      },
      // A policy day lasts ten seconds: invitations (7 days) stay open long enough to click through,
      // while a spec that shortens the policy sees reminders within seconds.
      // A reporting month is then about 304 s: the light turns yellow 1.2 months (~365 s) after the last
      // report, above the month-old report pilot-registry seeds as green; the reminder comes 34 days
      // (340 s) before that, so about 25 s after a report (pilot-reporting.e2e.spec.ts waits for it).
      extraEnv: {
        SMTP_URL: smtp.url,
        DAY_SECONDS: String(e2eDaySeconds),
        PILOT_REPORTING_YELLOW_AFTER: '1.2',
        PILOT_REPORT_REMINDER_BEFORE: '34',
      },
      log,
      onUnexpectedExit: (info) =>
        log('e2e', `${info.name} exited unexpectedly (code ${info.code}, signal ${info.signal})`),
    });
  } catch (error) {
    await teardown();
    throw new Error(
      `the e2e stack did not start: ${error instanceof Error ? error.message : String(error)}\n${recent.join('\n')}`,
      { cause: error },
    );
  }

  project.provide('baseUrl', stack.webUrl);
  project.provide('apiUrl', stack.apiUrl);
  project.provide('databaseUrl', services.postgres.url);
  project.provide('mailDir', join(runDir, 'mail'));
  project.provide('logins', stack.logins);
  project.provide('daySeconds', e2eDaySeconds);
  process.env['E2E_BASE_URL'] = stack.webUrl;
  process.stdout.write(`e2e stack: ${stack.webUrl} (api ${stack.apiUrl}), logs in ${logFile}\n`);

  return async () => {
    await teardown();
    // Keep the logs of a run for reading afterwards; the database and keys are gone.
    await rm(join(runDir, 'mail'), { recursive: true, force: true });
  };
}
