import { describe, expect, it } from 'vitest';
import { parseWorkerConfig, WorkerConfigError } from './worker.config';

describe('parseWorkerConfig', () => {
  it('applies defaults to an empty environment', () => {
    const config = parseWorkerConfig({});
    expect(config).toMatchObject({
      redisUrl: 'redis://127.0.0.1:6379',
      redisPrefix: 'pathways',
      logLevel: 'info',
      heartbeatIntervalMs: 30_000,
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/pathways',
      outboxPollMs: 1_000,
      outboxBatchSize: 100,
      webUrl: 'http://127.0.0.1:3000',
      jobLockMs: 30_000,
      daySeconds: 86_400,
      pilotInvitationDays: 14,
      pilotInvitationReminderDays: 3,
      pilotReporting: {
        yellowAfterMs: Math.round(365.25 * 86_400_000),
        redAfterMs: Math.round(2 * 365.25 * 86_400_000),
        reminderBeforeMs: 30 * 86_400_000,
      },
    });
    expect(config.workerId).toMatch(/:\d+$/);
  });

  it('reads every variable, treating empty ones as unset', () => {
    const config = parseWorkerConfig({
      REDIS_URL: 'rediss://cache:6380/1',
      REDIS_PREFIX: '{pathways}',
      DATABASE_URL: 'postgresql://worker@db:5432/pathways_prod',
      OUTBOX_POLL_MS: '250',
      OUTBOX_BATCH_SIZE: '20',
      LOG_LEVEL: 'debug',
      HEARTBEAT_INTERVAL_MS: '5000',
      WORKER_ID: 'w-1',
      SHUTDOWN_TIMEOUT_MS: '',
      WEB_URL: 'https://pathways.example/',
      JOB_LOCK_MS: '2000',
      DAY_SECONDS: '2',
      PILOT_INVITATION_DAYS: '5',
      PILOT_INVITATION_REMINDER_DAYS: '2',
    });
    expect(config).toMatchObject({
      redisUrl: 'rediss://cache:6380/1',
      redisPrefix: '{pathways}',
      databaseUrl: 'postgresql://worker@db:5432/pathways_prod',
      outboxPollMs: 250,
      outboxBatchSize: 20,
      logLevel: 'debug',
      heartbeatIntervalMs: 5_000,
      shutdownTimeoutMs: 25_000,
      workerId: 'w-1',
      webUrl: 'https://pathways.example',
      jobLockMs: 2_000,
      daySeconds: 2,
      pilotInvitationDays: 5,
      pilotInvitationReminderDays: 2,
    });
  });

  it.each([
    ['REDIS_URL', 'http://127.0.0.1:6379'],
    ['REDIS_PREFIX', 'a:b'],
    ['DATABASE_URL', 'mysql://x'],
    ['LOG_LEVEL', 'loud'],
    ['SMTP_URL', 'http://mail.example'],
    ['HEARTBEAT_INTERVAL_MS', 'often'],
    ['PILOT_INVITATION_DAYS', '0'],
    ['HEARTBEAT_INTERVAL_MS', '10'],
    ['OUTBOX_POLL_MS', '0'],
    ['OUTBOX_BATCH_SIZE', '5000'],
    ['WEB_URL', 'ftp://pathways.example'],
    ['JOB_LOCK_MS', '10'],
    ['DAY_SECONDS', '0'],
    ['PILOT_REPORTING_YELLOW_AFTER', 'a year'],
    ['PILOT_REPORTING_RED_AFTER', '6'],
    ['PILOT_REPORT_REMINDER_BEFORE', '400'],
  ])('names %s when it is %j', (name, value) => {
    const run = () => parseWorkerConfig({ [name]: value });
    expect(run).toThrow(WorkerConfigError);
    expect(run).toThrow(new RegExp(`^Invalid environment: ${name}: `));
  });

  it('names every bad variable at once', () => {
    expect(() => parseWorkerConfig({ LOG_LEVEL: 'loud', REDIS_PREFIX: 'a b' })).toThrow(
      /REDIS_PREFIX: .*; LOG_LEVEL: /,
    );
  });
});
