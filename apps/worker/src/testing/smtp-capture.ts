import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  /** The Message-ID header, e.g. `<key@pathways.notifications>`. */
  messageId: string | null;
}

/**
 * Decides whether a message is accepted. Returning false answers 451 (try again later): the sender
 * never got a 250, so the message does not count as received. A test may also kill the sender here,
 * in the middle of its SMTP transaction.
 */
export type AcceptMail = (mail: ReceivedMail) => boolean | Promise<boolean>;

export interface SmtpCapture {
  url: string;
  /** Messages answered with 250, in order. */
  received: ReceivedMail[];
  accept: AcceptMail;
  close(): Promise<void>;
}

const header = (raw: string, name: string): string | null => {
  const match = new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(raw);
  return match ? match[1].trim() : null;
};

/** The key an e-mail was sent under, read back from its Message-ID. */
export const mailKey = (mail: ReceivedMail): string | null =>
  /^<(.+)@pathways\.notifications>$/.exec(mail.messageId ?? '')?.[1] ?? null;

/** A real SMTP server on a free local port that keeps every message it accepts. */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const capture: SmtpCapture = {
    url: '',
    received: [],
    accept: () => true,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString();
        const mail = {
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          messageId: header(raw, 'Message-ID'),
        };
        void Promise.resolve(capture.accept(mail)).then(
          (accepted) => {
            if (!accepted) {
              const error = Object.assign(new Error('try again later'), { responseCode: 451 });
              return callback(error);
            }
            capture.received.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  server.on('error', () => undefined); // a sender killed mid-transaction resets its connection
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  capture.url = `smtp://127.0.0.1:${port}`;
  return capture;
}
