import { MikroOrmModule } from '@mikro-orm/nestjs';
import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ormConfig } from '@pathways/persistence';
import {
  defaultJobOptions,
  jobRegistry,
  type JobRegistry,
  queueNames,
  redisConnectionOptions,
} from '@pathways/queues';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { HeartbeatProcessor } from './heartbeat.processor';
import { HeartbeatScheduler } from './heartbeat.scheduler';
import { EmailService } from './email.service';
import { HeartbeatService } from './heartbeat.service';
import { JOB_REGISTRY, JobHandlerCheck } from './job-handlers.check';
import { MailTransport } from './mail.transport';
import { NotificationsProcessor } from './notifications.processor';
import { NoticeSender } from './notice.sender';
import { PilotInvitationTimers } from './pilot-invitation-timers.service';
import { PilotJobsProcessor } from './pilot-jobs.processor';
import { PilotNotifier } from './pilot-notifier.service';
import { PilotReportTimers } from './pilot-report-timers.service';
import { PracticeNotifier } from './practice-notifier.service';
import { PublicationNotifier } from './publication-notifier.service';
import { PublishingProcessor } from './publishing.processor';
import { RemindersProcessor } from './reminders.processor';
import { ReviewInvitationNotifier } from './review-invitation-notifier.service';
import { ReviewPanelService } from './review-panel.service';
import { ReviewProcessor } from './review.processor';
import { ReviewTimers } from './review-timers.service';
import { OutboxProducer } from './outbox.producer';
import { OUTBOX_RELAY_SETTINGS, OutboxRelay, type OutboxRelaySettings } from './outbox.relay';
import { WORKER_CONFIG, type WorkerConfig } from './worker.config';
import { WorkerRedis } from './worker.redis';
import { WorkerStartup } from './worker.startup';

@Global()
@Module({})
class WorkerConfigModule {
  static forRoot(config: WorkerConfig, registry: JobRegistry): DynamicModule {
    return {
      module: WorkerConfigModule,
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        { provide: JOB_REGISTRY, useValue: registry },
        {
          provide: OUTBOX_RELAY_SETTINGS,
          useValue: {
            pollMs: config.outboxPollMs,
            batchSize: config.outboxBatchSize,
            addTimeoutMs: 5_000,
          } satisfies OutboxRelaySettings,
        },
      ],
      exports: [WORKER_CONFIG, JOB_REGISTRY, OUTBOX_RELAY_SETTINGS],
    };
  }
}

export interface WorkerModuleOptions {
  logger: Logger;
  /** Tests pass a different registry to see the boot check fail. */
  registry?: JobRegistry;
}

@Module({})
export class WorkerModule {
  static forRoot(
    config: WorkerConfig,
    { logger, registry = jobRegistry }: WorkerModuleOptions,
  ): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        WorkerConfigModule.forRoot(config, registry),
        LoggerModule.forRoot({ pinoHttp: { logger } }),
        DiscoveryModule,
        // One connection per queue's running job (an e-mail holds its mail-log row while it sends),
        // one for the relay's batch, and a spare.
        MikroOrmModule.forRoot(ormConfig({ databaseUrl: config.databaseUrl, poolMax: 8 })),
        BullModule.forRootAsync({
          inject: [WORKER_CONFIG],
          useFactory: (c: WorkerConfig) => ({
            connection: redisConnectionOptions(c.redisUrl, 'worker', 'pathways-worker-bullmq'),
            prefix: c.redisPrefix,
            defaultJobOptions,
          }),
          extraOptions: { manualRegistration: true },
        }),
        BullModule.registerQueue(...queueNames.map((name) => ({ name }))),
      ],
      providers: [
        WorkerRedis,
        JobHandlerCheck,
        WorkerStartup,
        HeartbeatService,
        HeartbeatProcessor,
        HeartbeatScheduler,
        MailTransport,
        EmailService,
        NoticeSender,
        NotificationsProcessor,
        PracticeNotifier,
        ReviewInvitationNotifier,
        ReviewTimers,
        PilotReportTimers,
        RemindersProcessor,
        ReviewPanelService,
        ReviewProcessor,
        PublicationNotifier,
        PublishingProcessor,
        PilotNotifier,
        PilotInvitationTimers,
        PilotJobsProcessor,
        OutboxProducer,
        OutboxRelay,
      ],
    };
  }
}
