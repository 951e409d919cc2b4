import { hostname } from 'node:os';
import { DEFAULT_REDIS_PREFIX, DEFAULT_REDIS_URL, RedisPrefix, RedisUrl } from '@pathways/queues';
import {
  type PilotReportingSettings,
  pilotReportingEnvShape,
  pilotReportingSettings,
} from '@pathways/contracts';
import { z } from 'zod';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/pathways';

export const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

const WorkerEnv = z.object({
  REDIS_URL: RedisUrl.default(DEFAULT_REDIS_URL),
  REDIS_PREFIX: RedisPrefix.default(DEFAULT_REDIS_PREFIX),
  /** The outbox relay reads work from PostgreSQL; same default as the API. */
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' })
    .default(DEFAULT_DATABASE_URL),
  LOG_LEVEL: LogLevel.default('info'),
  HEARTBEAT_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
  /** How often the outbox relay looks for unrelayed rows when the last batch was not full. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  /** Rows claimed per relay transaction. */
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(100),
  /** How long boot waits for Redis to answer before exiting 1. */
  REDIS_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** How long SIGTERM waits for running jobs before giving up and exiting 1. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(25_000),
  /** Where e-mail goes (smtp:// or smtps://, credentials in the URL); unset: e-mails are logged. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).max(200).default('Pathways <no-reply@pathways.example>'),
  /** How long one review-policy day lasts; tests compress time with a few seconds. */
  DAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(86_400),
  /** The web app's address, for links in e-mails (`<WEB_URL>/reviews/<id>`). */
  WEB_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .transform((u) => u.replace(/\/+$/, ''))
    .default('http://127.0.0.1:3000'),
  /**
   * How long a running job's lock lasts (renewed while it runs). A worker that dies leaves its job
   * locked this long before another worker takes it up again, so tests shorten it.
   */
  JOB_LOCK_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  /** How long a pilot invitation stays open (days), for one stored without its answer-by date. */
  PILOT_INVITATION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** How many days before a pilot invitation expires its invited organisation is reminded. */
  PILOT_INVITATION_REMINDER_DAYS: z.coerce.number().int().min(1).max(365).default(3),
  /** When pilots' reports fall due and how early they are reminded: months and days of DAY_SECONDS. */
  ...pilotReportingEnvShape,
  /** Shown in logs and next to the heartbeat; defaults to host:pid, unique per process. */
  WORKER_ID: z.string().min(1).max(128).optional(),
});

export interface WorkerConfig {
  redisUrl: string;
  redisPrefix: string;
  databaseUrl: string;
  logLevel: z.infer<typeof LogLevel>;
  heartbeatIntervalMs: number;
  outboxPollMs: number;
  outboxBatchSize: number;
  redisWaitMs: number;
  shutdownTimeoutMs: number;
  workerId: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  daySeconds: number;
  webUrl: string;
  jobLockMs: number;
  pilotInvitationDays: number;
  pilotInvitationReminderDays: number;
  pilotReporting: PilotReportingSettings;
}

export const WORKER_CONFIG = Symbol('WORKER_CONFIG');

export class WorkerConfigError extends Error {
  override readonly name = 'WorkerConfigError';
}

/** Reads the environment once at boot; every bad variable is named in the error. */
export function parseWorkerConfig(env: NodeJS.ProcessEnv): WorkerConfig {
  // An empty variable (`REDIS_URL=` in a compose file) means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = WorkerEnv.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new WorkerConfigError(`Invalid environment: ${problems}`);
  }
  const e = result.data;
  const pilotReporting = pilotReportingSettings(e, e.DAY_SECONDS);
  if (pilotReporting.issues.length) {
    const problems = pilotReporting.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new WorkerConfigError(`Invalid environment: ${problems}`);
  }
  return {
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    heartbeatIntervalMs: e.HEARTBEAT_INTERVAL_MS,
    outboxPollMs: e.OUTBOX_POLL_MS,
    outboxBatchSize: e.OUTBOX_BATCH_SIZE,
    redisWaitMs: e.REDIS_WAIT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    workerId: e.WORKER_ID ?? `${hostname()}:${process.pid}`,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    daySeconds: e.DAY_SECONDS,
    webUrl: e.WEB_URL,
    jobLockMs: e.JOB_LOCK_MS,
    pilotInvitationDays: e.PILOT_INVITATION_DAYS,
    pilotInvitationReminderDays: e.PILOT_INVITATION_REMINDER_DAYS,
    pilotReporting: pilotReporting.settings,
  };
}
