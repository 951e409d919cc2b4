import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { WORKER_CONFIG, type WorkerConfig } from './worker.config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Stable per job, so a receiving server can recognise a message sent twice. */
  messageId: string;
}

/**
 * SMTP when SMTP_URL is set; otherwise mails are written to the log, so a local `npm start` shows
 * them without a mail server.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly log = new Logger(MailTransport.name);
  private readonly transporter: Transporter;

  constructor(@Inject(WORKER_CONFIG) private readonly config: WorkerConfig) {
    // Bounded waits: a send holds its mail-log row locked, so a silent server must not hold it for long.
    this.transporter = config.smtpUrl
      ? createTransport(
          { url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
          { from: config.mailFrom },
        )
      : createTransport({ jsonTransport: true }, { from: config.mailFrom });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transporter.sendMail(mail);
    if (!this.config.smtpUrl)
      this.log.log({ mail: JSON.parse(String(info.message)) }, 'e-mail (no SMTP_URL set)');
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}
