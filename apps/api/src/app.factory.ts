import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { AppModule } from './app.module';
import type { ApiConfig } from './config/api-config';
import { buildOpenApiDocument } from './openapi/openapi.document';
import { OpenApiHolder } from './openapi/openapi.holder';

const requestIdPattern = /^[\w.-]{1,100}$/;

/** The configured application, not yet listening: main.ts listens, tests inject requests. */
export async function createApp(config: ApiConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    // Keep a caller's request id (for tracing across web → api) when it looks like one.
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  await app.register(helmet);
  // One file per request; the attachments service streams it to disk and enforces the size itself.
  await app.register(multipart, {
    limits: { fileSize: config.ATTACHMENT_MAX_BYTES, files: 1, fields: 5, parts: 6 },
  });
  // CORS stays closed unless origins are configured: the web app calls the API from its server.
  if (config.CORS_ORIGINS.length) app.enableCors({ origin: config.CORS_ORIGINS, credentials: false });

  await mountQueueDashboard(app);

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.enableShutdownHooks();
  await app.init();
  app.get(OpenApiHolder).document = buildOpenApiDocument(app);
  return app;
}
