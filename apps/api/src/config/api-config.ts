import { resolve } from 'node:path';
import { pilotReportingEnvShape, pilotReportingSettings } from '@pathways/contracts';
import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const ApiEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgres://postgres@127.0.0.1:5432/pathways'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  /** Namespaces every Redis key; tests use their own. Wrap in {braces} for Redis Cluster. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w{}:.-]+$/, 'letters, digits and _ { } : . - only')
    .default('pathways'),
  API_HOST: z.string().default('127.0.0.1'),
  /** The web app's public address: links in feeds and exports point to its practice pages. */
  PUBLIC_WEB_URL: z
    .url({ protocol: /^https?$/ })
    .default('http://127.0.0.1:3000')
    .transform((url) => url.replace(/\/+$/, '')),
  /** Who answers for the OAI-PMH repository (its Identify response names this address). */
  OAI_ADMIN_EMAIL: z.email().default('library@pathways.example'),
  API_PORT: z.coerce.number().int().min(1).max(65_535).default(3100),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Comma-separated origins allowed to call the API from a browser; empty keeps CORS closed. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url())),
  /**
   * Which proxies may state the client's address in X-Forwarded-For (rate limits and audit use it):
   * false, true (any — only behind a proxy that overwrites the header), or a comma-separated list of
   * addresses, CIDRs or the names loopback / linklocal / uniquelocal — the web app's server is one.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v): boolean | string[] =>
      /^(true|1)$/.test(v) ? true : /^(false|0|)$/.test(v) ? false : v.split(',').map((a) => a.trim()),
    )
    .pipe(
      z.union([
        z.boolean(),
        z.array(z.string().regex(/^[\w.:/]+$/, 'use true, false, or addresses such as 127.0.0.1,10.0.0.0/8')),
      ]),
    ),
  BODY_LIMIT_BYTES: positiveInt(1_048_576),
  SESSION_TTL_DAYS: positiveInt(14),
  LOGIN_MAX_FAILURES_PER_IP: positiveInt(30),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: positiveInt(5),
  LOGIN_WINDOW_SECONDS: positiveInt(900),
  REGISTRATIONS_PER_IP_PER_HOUR: positiveInt(20),
  /** Where uploaded attachments are kept (by content hash); relative paths start at the process cwd. */
  ATTACHMENTS_DIR: z
    .string()
    .min(1)
    .default('.data/attachments')
    .transform((dir) => resolve(dir)),
  ATTACHMENT_MAX_BYTES: positiveInt(20 * 1024 * 1024),
  /**
   * How many search answers each API process keeps (least recently used go first), keyed on the
   * library's generation, so a publication invalidates them; 0 turns the cache off.
   */
  LIBRARY_SEARCH_CACHE: z.coerce.number().int().min(0).max(100_000).default(500),
  /** How long one review-policy day lasts; tests compress time with a few seconds. */
  DAY_SECONDS: positiveInt(86_400),
  /** How many (DAY_SECONDS) days an invitation to join a pilot stays open before it expires. */
  PILOT_INVITATION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** Pilots' reporting light and reminders: months and days, scaled by DAY_SECONDS. */
  ...pilotReportingEnvShape,
});

export type ApiConfig = z.infer<typeof ApiEnv>;
export const API_CONFIG = Symbol('API_CONFIG');

export class ConfigError extends Error {}

/** Parses the environment once at boot; a bad variable stops the process with its name. */
export function loadApiConfig(env: Record<string, string | undefined> = process.env): ApiConfig {
  const result = ApiEnv.safeParse(env);
  // Variables that parse may still be out of order (red before yellow).
  const order = result.success ? pilotReportingSettings(result.data, result.data.DAY_SECONDS).issues : [];
  if (result.success && !order.length) return result.data;
  const lines = result.success
    ? order.map((i) => `  ${i.path}: ${i.message}`)
    : result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
