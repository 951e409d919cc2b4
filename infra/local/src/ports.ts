import { createServer } from 'node:net';
import { z } from 'zod';

export interface HostPort {
  host: string;
  port: number;
}

/** A user-facing configuration mistake: printed as one line, never as a stack trace. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const portSchema = z.coerce.number().int().min(1).max(65535);

/** Reads a TCP port from an environment value, falling back when it is unset or empty. */
export function parsePort(variable: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const parsed = portSchema.safeParse(raw.trim());
  if (!parsed.success || !/^\d+$/.test(raw.trim())) {
    throw new ConfigError(`${variable} must be a port number between 1 and 65535 (got "${raw}").`);
  }
  return parsed.data;
}

/** Reads `host:port` (IPv6 as `[::1]:5432`), falling back when unset or empty. */
export function parseHostPort(variable: string, raw: string | undefined, fallback: HostPort): HostPort {
  if (raw === undefined || raw.trim() === '') return fallback;
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d+)$/.exec(raw.trim());
  if (!match)
    throw new ConfigError(`${variable} must look like host:port, e.g. 127.0.0.1:5432 (got "${raw}").`);
  return { host: match[1] ?? match[2] ?? '', port: parsePort(variable, match[3], 0) };
}

/** True when nothing listens on host:port, found by trying to listen there ourselves. */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS considers free right now (another process could still take it before we do). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PortClaim extends HostPort {
  /** The environment variable that chooses this port, named in the message. */
  variable: string;
  what: string;
}

export function portBusyMessage(claim: PortClaim): string {
  return (
    `Port ${claim.port} on ${claim.host} (${claim.what}) is already in use. ` +
    `Stop whatever is using it, or pick another port: ${claim.variable}=<port> npm start`
  );
}

/** Fails with one clear line for the first busy port, before anything has been started. */
export async function assertPortsFree(claims: PortClaim[]): Promise<void> {
  const seen = new Map<number, PortClaim>();
  for (const claim of claims) {
    const twin = seen.get(claim.port);
    if (twin) {
      throw new ConfigError(
        `${twin.variable} and ${claim.variable} are both ${claim.port}; give them different ports.`,
      );
    }
    seen.set(claim.port, claim);
    if (!(await isPortFree(claim.host, claim.port))) throw new ConfigError(portBusyMessage(claim));
  }
}
