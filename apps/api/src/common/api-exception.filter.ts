import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toApiError } from './to-api-error';

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply>();
    const { body, headers, unexpected } = toApiError(exception, String(request.id));
    if (unexpected) this.logger.error({ err: exception, requestId: request.id }, 'Unexpected error');
    void response
      .status(body.statusCode)
      .headers(headers ?? {})
      .send(body);
  }
}
