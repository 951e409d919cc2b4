import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../testing/test-api';

const committed = join(__dirname, '../../../../docs/openapi.json');

describe('OpenAPI document', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it('is served as OpenAPI 3.1 from the zod contracts', async () => {
    const response = await api.request({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const register = document.paths['/api/auth/register'].post;
    expect(register.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/RegisterDto',
    );
    expect(document.components.schemas.RegisterDto.properties.password).toMatchObject({ minLength: 12 });
  });

  it('matches the committed docs/openapi.json (run `npm run openapi` after changing routes or contracts)', async () => {
    const served = (await api.request({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(JSON.parse(readFileSync(committed, 'utf8'))).toEqual(served);
  });
});
