import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  from: string | undefined;
  to: string[];
  receivedAt: string;
  /** The whole message as sent (headers and body), for tests to search. */
  raw: string;
}

export interface SmtpCapture {
  url: string;
  close(): Promise<void>;
}

/**
 * A local SMTP server that accepts every message and writes each one as JSON into `dir`, so that
 * specs (in other processes than this global setup) can read what the app sent. See mail.ts.
 */
export async function startSmtpCapture(dir: string): Promise<SmtpCapture> {
  await mkdir(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail: CapturedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          receivedAt: new Date().toISOString(),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        const file = join(dir, `${Date.now()}-${String(++count).padStart(4, '0')}.json`);
        writeFile(file, JSON.stringify(mail, null, 2)).then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
