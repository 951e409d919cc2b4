import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import type { CapturedMail } from './smtp';

/** Every message the stack has sent so far, oldest first. */
export async function readMails(dir: string = inject('mailDir')): Promise<CapturedMail[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => JSON.parse(await readFile(join(dir, file), 'utf8')) as CapturedMail),
  );
}

/**
 * Waits for a message to `to` (and matching `match`, every one of them if several, when given); mail
 * goes through the worker's queue.
 */
export async function waitForMail(
  to: string,
  match?: RegExp | RegExp[],
  timeoutMs = 20_000,
): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs;
  const patterns = match ? [match].flat() : [];
  while (Date.now() < deadline) {
    const found = (await readMails()).find(
      (mail) =>
        mail.to.some((address) => address.toLowerCase() === to.toLowerCase()) &&
        patterns.every((pattern) => pattern.test(mail.raw)),
    );
    if (found) return found;
    await sleep(250);
  }
  throw new Error(
    `no mail to ${to}${match ? ` matching ${patterns.join(' and ')}` : ''} within ${timeoutMs / 1000}s`,
  );
}
