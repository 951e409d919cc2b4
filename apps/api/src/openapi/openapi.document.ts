import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';

/** Built from the routes and the zod contracts, so it cannot drift from what the API accepts. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Pathways API')
    .setDescription(
      'Good practices, voluntary partnerships and pilot projects protecting the rights of women migrant workers. ' +
        'Errors share one shape: { statusCode, code, message, issues?, requestId }.',
    )
    .setVersion('0.1.0')
    .setOpenAPIVersion('3.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Session token from /api/auth/login' })
    .build();
  return cleanupOpenApiDoc(SwaggerModule.createDocument(app, config), { version: '3.1' });
}
