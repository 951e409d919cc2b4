import { z } from 'zod';

export const DEFAULT_REDIS_PREFIX = 'pathways';

/**
 * Every key the app writes starts with this prefix (BullMQ's `prefix` option and our own keys), so
 * tests isolate with their own prefix and several deployments can share one Redis. For Redis
 * Cluster use the hash-tagged form `{pathways}`: all of a queue's keys then land in one slot, which
 * BullMQ's multi-key Lua scripts require.
 */
export const RedisPrefix = z
  .string()
  .regex(
    /^(\{[A-Za-z0-9_-]{1,64}\}|[A-Za-z0-9_-]{1,64})$/,
    'letters, digits, "_" or "-", optionally in {braces}',
  );

/** `<prefix>:<part>:<part>`: our own keys share BullMQ's separator. */
export const prefixedKey = (prefix: string, ...parts: string[]) => [prefix, ...parts].join(':');
