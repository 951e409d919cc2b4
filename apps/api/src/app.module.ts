import { MikroOrmModule } from '@mikro-orm/nestjs';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ormConfig } from '@pathways/persistence';
import { ZodSerializerInterceptor, ZodValidationPipe } from 'nestjs-zod';
import { LoggerModule } from 'nestjs-pino';
import { AccessModule } from './access/access.module';
import { AdminModule } from './admin/admin.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ApiExceptionFilter } from './common/api-exception.filter';
import type { ApiConfig } from './config/api-config';
import { ConfigModule } from './config/config.module';
import { HealthController } from './health/health.controller';
import { LibraryModule } from './library/library.module';
import { OpenApiController } from './openapi/openapi.controller';
import { OpenApiHolder } from './openapi/openapi.holder';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PilotPracticesModule } from './pilot-practices/pilot-practices.module';
import { PilotRegistryModule } from './pilot-registry/pilot-registry.module';
import { PilotsModule } from './pilots/pilots.module';
import { PilotReportsModule } from './pilot-reports/pilot-reports.module';
import { PracticesModule } from './practices/practices.module';
import { RedisModule } from './redis/redis.module';
import { ReviewPolicyModule } from './review-policy/review-policy.module';
import { ReviewsModule } from './reviews/reviews.module';
import { TaxonomyController } from './taxonomy/taxonomy.controller';
import { UsersModule } from './users/users.module';
import { WorkflowModule } from './workflow/workflow.module';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            // Fastify assigns the id (from X-Request-Id or a new UUID); every log line carries it.
            genReqId: (request) => (request as unknown as { id: string }).id,
            customAttributeKeys: { reqId: 'requestId' },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (request) => request.url?.startsWith('/health') ?? false },
          },
        }),
        MikroOrmModule.forRoot(ormConfig({ databaseUrl: config.DATABASE_URL })),
        RedisModule,
        AuditModule,
        AccessModule,
        AuthModule,
        UsersModule,
        OrganisationsModule,
        NotificationsModule,
        ReviewsModule,
        ReviewPolicyModule,
        PracticesModule,
        WorkflowModule,
        AttachmentsModule,
        AdminModule,
        LibraryModule,
        PilotRegistryModule,
        PilotsModule,
        PilotPracticesModule,
        PilotReportsModule,
      ],
      controllers: [HealthController, TaxonomyController, OpenApiController],
      providers: [
        OpenApiHolder,
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
