import { Injectable } from '@nestjs/common';
import { NotificationJob, parseJobPayload, QueueName } from '@pathways/queues';
import { MailTransport } from './mail.transport';

@Injectable()
export class EmailService {
  constructor(private readonly transport: MailTransport) {}

  /** Sends one validated e-mail; an SMTP failure throws, so BullMQ retries it with backoff. */
  async send(jobId: string, data: unknown): Promise<{ to: string }> {
    const mail = parseJobPayload(QueueName.Notifications, NotificationJob.SendEmail, data);
    await this.transport.send({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${jobId}@pathways.notifications>`,
    });
    return { to: mail.to };
  }
}
