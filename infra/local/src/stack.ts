import { apiSpec, apiUrl, type AppsEnv, cliSpec, missingBuilds, webSpec, webUrl, workerSpec } from './apps';
import { readConfig, type StackConfig } from './config';
import { type LogSink, prefixedConsole } from './log';
import { type ExitInfo, Supervisor } from './processes';
import { waitForHttp } from './readiness';
import { obtainServices, type Services } from './services';
import { workspaceRoot } from './workspace';

export interface StackOptions {
  /** Read from `env` (default process.env) when absent; fields given here win. */
  config?: Partial<StackConfig>;
  env?: NodeJS.ProcessEnv;
  /** Database name to use instead of the configured one (created when missing). */
  database?: string;
  /** Run `cli migrate` and `cli seed` before starting the apps (default true). */
  migrate?: boolean;
  seed?: boolean;
  /** Extra variables for the api and worker (e.g. SMTP_URL). */
  extraEnv?: Record<string, string>;
  log?: LogSink;
  /** A long-running child died on its own after start-up began. */
  onUnexpectedExit?: (info: ExitInfo) => void;
  readyTimeoutMs?: number;
}

export interface StackInfo {
  webUrl: string;
  apiUrl: string;
  databaseUrl: string;
  redisUrl: string;
  postgres: Services['postgres']['origin'];
  redis: Services['redis']['origin'];
  /** The seed's demo logins, one per line, as it printed them. */
  logins: string[];
}

export class StackStoppedError extends Error {
  override readonly name = 'StackStoppedError';
  constructor() {
    super('the stack was stopped while starting');
  }
}

const verboseEnough = (level: string | undefined) => !level || ['trace', 'debug', 'info'].includes(level);

/** Seed output lines that are not structured (JSON) logs: the demo logins block. */
export const loginLines = (lines: string[]) =>
  lines.filter((line) => line.trim() !== '' && !line.trimStart().startsWith('{'));

/**
 * PostgreSQL + Redis (found or started), migrations, seed, then api, worker and web, each awaited
 * until ready. `stop()` may be called at any moment, also while starting, and stops all of it.
 */
export class LocalStack {
  readonly config: StackConfig;
  private readonly log: LogSink;
  private readonly supervisor: Supervisor;
  private services: Services | undefined;
  private starting: Promise<unknown> = Promise.resolve();
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: StackOptions = {}) {
    const env = options.env ?? process.env;
    const root = options.config?.root ?? workspaceRoot();
    this.config = { ...readConfig(env, root), ...options.config };
    this.log = options.log ?? prefixedConsole;
    this.supervisor = new Supervisor(this.log, (info) => this.options.onUnexpectedExit?.(info));
  }

  start(): Promise<StackInfo> {
    const started = this.boot().catch(async (error: unknown) => {
      await this.release();
      throw this.stopping ? new StackStoppedError() : error;
    });
    this.starting = started.catch(() => undefined);
    return started;
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await this.supervisor.stopAll();
      await this.starting;
    })();
    return this.stopping;
  }

  private checkpoint(): void {
    if (this.stopping) throw new StackStoppedError();
  }

  /** Every child, PostgreSQL and Redis included when we started them, belongs to the supervisor. */
  private async release(): Promise<void> {
    this.services = undefined;
    await this.supervisor.stopAll();
  }

  private async boot(): Promise<StackInfo> {
    const { config, options, supervisor } = this;
    const missing = missingBuilds(config.root);
    if (missing.length > 0) {
      throw new Error(`not built yet: ${missing.join(', ')}. Run "npx nx run-many -t build" first.`);
    }
    this.services = await obtainServices({ config, database: options.database, log: this.log, supervisor });
    this.checkpoint();
    const apps: AppsEnv = {
      root: config.root,
      databaseUrl: this.services.postgres.url,
      redisUrl: this.services.redis.url,
      redisPrefix: config.redisPrefix,
      apiHost: config.apiHost,
      apiPort: config.apiPort,
      webHost: config.webHost,
      webPort: config.webPort,
      logLevel: config.logLevel,
      extra: options.extraEnv,
    };
    if (options.migrate ?? true) await supervisor.run(cliSpec(apps, 'migrate'));
    this.checkpoint();
    const logins = (options.seed ?? true) ? loginLines(await supervisor.run(cliSpec(apps, 'seed'))) : [];
    this.checkpoint();

    const timeout = options.readyTimeoutMs ?? 90_000;
    const api = supervisor.start(apiSpec(apps));
    const worker = supervisor.start(workerSpec(apps));
    const web = supervisor.start(webSpec(apps));
    await Promise.all([
      waitForHttp(`${apiUrl(apps)}/health/ready`, api, timeout),
      // "worker ready" is an info line: with a quieter LOG_LEVEL, staying up is the only sign.
      verboseEnough(config.logLevel) ? worker.waitForLine(/worker ready/i, timeout) : worker.survives(5_000),
      waitForHttp(`${webUrl(apps)}/`, web, timeout),
    ]);
    this.checkpoint();
    return {
      webUrl: webUrl(apps),
      apiUrl: apiUrl(apps),
      databaseUrl: apps.databaseUrl,
      redisUrl: apps.redisUrl,
      postgres: this.services.postgres.origin,
      redis: this.services.redis.origin,
      logins,
    };
  }
}

/** Starts the whole stack and resolves once every app is ready; the result's `stop()` ends all of it. */
export async function startStack(options: StackOptions = {}): Promise<StackInfo & { stop(): Promise<void> }> {
  const stack = new LocalStack(options);
  const info = await stack.start();
  return { ...info, stop: () => stack.stop() };
}
