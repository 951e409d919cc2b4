import { missingBuilds } from './apps';
import { readConfig, type StackConfig } from './config';
import { prefixedConsole } from './log';
import { redact } from './postgres.client';
import { assertPortsFree, ConfigError } from './ports';
import { describeExit } from './processes';
import { LocalStack, type StackInfo, StackStoppedError } from './stack';
import { workspaceRoot } from './workspace';

// `npm start` after the bootstrap (infra/start.mjs) has installed and built: runs the whole stack
// in the foreground until Ctrl-C or SIGTERM, then stops every child and service it started.

const say = (line: string) => prefixedConsole('start', line);

const ORIGIN_LABEL = {
  configured: 'from the environment',
  local: 'local server',
  embedded: 'started by npm start',
};

function banner(info: StackInfo, config: StackConfig): string {
  const lines = [
    '',
    `Pathways is ready at ${info.webUrl}`,
    `  API         ${info.apiUrl}  (readiness: ${info.apiUrl}/health/ready)`,
    `  PostgreSQL  ${redact(info.databaseUrl)}  (${ORIGIN_LABEL[info.postgres]})`,
    `  Redis       ${info.redisUrl}  (${ORIGIN_LABEL[info.redis]}, key prefix "${config.redisPrefix}")`,
  ];
  if (info.logins.length > 0)
    lines.push('', 'Demo logins:', ...info.logins.map((line) => `  ${line.trim()}`));
  lines.push('', 'Press Ctrl-C to stop.', '');
  return lines.join('\n');
}

async function preflight(): Promise<StackConfig> {
  const config = readConfig(process.env, workspaceRoot());
  await assertPortsFree([
    { variable: 'API_PORT', what: 'API', host: config.apiHost, port: config.apiPort },
    { variable: 'WEB_PORT', what: 'web app', host: config.webHost, port: config.webPort },
  ]);
  const missing = missingBuilds(config.root);
  if (missing.length > 0) {
    throw new ConfigError(
      `Not built yet: ${missing.join(', ')}. Run "npm start" (it builds) or "npx nx run-many -t build".`,
    );
  }
  return config;
}

async function main(): Promise<void> {
  let config: StackConfig;
  try {
    config = await preflight();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }

  let exiting = false;
  const stack = new LocalStack({
    config,
    onUnexpectedExit: (info) => void shutdown(1, `${describeExit(info)} unexpectedly; stopping everything.`),
  });
  const shutdown = async (code: number, reason: string) => {
    if (exiting) return;
    exiting = true;
    say(reason);
    await stack.stop();
    say(code === 0 ? 'stopped.' : 'stopped after a failure.');
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (exiting) say('still stopping; children that do not exit within 10 s are killed');
      else void shutdown(0, `${signal} received, stopping…`);
    });
  }

  try {
    const info = await stack.start();
    process.stdout.write(banner(info, config));
  } catch (error) {
    if (error instanceof StackStoppedError) return;
    void shutdown(1, `could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
