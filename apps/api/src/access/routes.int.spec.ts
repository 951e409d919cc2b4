import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueDashboard, queueDashboardPath } from '../admin/queue-dashboard';
import { bearer, startTestApi, type TestApi } from '../testing/test-api';
import { PERMISSION_KEY, PUBLIC_KEY } from './permission.decorator';

interface Route {
  route: string;
  permission: unknown;
  isPublic: boolean;
}

describe('deny by default', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  function nestRoutes(): Route[] {
    const controllers = [...api.app.get(ModulesContainer).values()].flatMap((m) => [
      ...m.controllers.values(),
    ]);
    const scanner = new MetadataScanner();
    const reflector = new Reflector();
    const routes: Route[] = [];
    for (const wrapper of controllers) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const path = `${Reflect.getMetadata(PATH_METADATA, metatype)}/${Reflect.getMetadata(PATH_METADATA, handler)}`;
        routes.push({
          route: `${RequestMethod[method]} ${path}`,
          permission: reflector.getAllAndOverride(PERMISSION_KEY, [handler, metatype]),
          isPublic: reflector.getAllAndOverride(PUBLIC_KEY, [handler, metatype]) === true,
        });
      }
    }
    return routes;
  }

  it('finds every route that Fastify serves: Nest routes and the queue dashboard', () => {
    const served: string[] = [];
    // Fastify lists its routes as a tree; count the method entries (HEAD is added for each GET).
    const tree = api.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
    for (const match of tree.matchAll(/\(([A-Z, ]+)\)/g))
      served.push(...match[1].split(', ').filter((m) => m !== 'HEAD'));
    const dashboard = api.app.get(QueueDashboard).routes;
    expect(dashboard.length).toBeGreaterThan(5);
    expect(nestRoutes().length + dashboard.length).toBe(served.length);
    expect(served.length).toBeGreaterThan(10);
  });

  it('has no route that is neither public nor guarded by a CASL permission', () => {
    const unguarded = nestRoutes()
      .filter((r) => !r.isPublic && !r.permission)
      .map((r) => r.route);
    expect(unguarded).toEqual([]);
  });

  // bull-board's routes are plain Fastify routes, out of the guard's reach; its own hook guards them.
  it('admits only admins to every route of the queue dashboard', async () => {
    const partner = await api.signUp();
    const editor = await api.signUp({ roles: ['editor'] });
    const routes = api.app.get(QueueDashboard).routes;
    for (const route of routes) {
      expect(
        route.split(' ')[1].startsWith(`${queueDashboardPath}/`) || route.endsWith(queueDashboardPath),
      ).toBe(true);
    }
    const refusals = await Promise.all(
      routes.flatMap((route) => {
        const [method, path] = route.split(' ');
        const url = path.replace(/:\w+/g, 'x').replace('*', 'x');
        return [undefined, partner.token, editor.token].map(async (token) => {
          const response = await api.request({
            method: method as 'GET',
            url,
            headers: token ? bearer(token) : {},
          });
          return `${route} ${token ? 'signed in' : 'anonymous'} ${response.statusCode}`;
        });
      }),
    );
    expect(refusals.filter((r) => !/(anonymous 401|signed in 403)$/.test(r))).toEqual([]);
  });

  // Bad input to any route that takes a body is a 4xx naming the problem, never a 500.
  it('answers every write route’s bad input with a 4xx, never a 500', async () => {
    const everyone = await api.signUp({ roles: ['admin', 'editor', 'reviewer'] });
    const writes = nestRoutes()
      .map((r) => r.route)
      .filter((route) => /^(POST|PUT|PATCH) /.test(route))
      // Logging out takes no body, and would end the session the walk goes on with.
      .filter((route) => !route.includes('auth/logout'));
    expect(writes.length).toBeGreaterThan(15);
    const bodies: { name: string; payload: string; type: string }[] = [
      { name: 'a list', payload: '[1, 2]', type: 'application/json' },
      {
        name: 'wrong types',
        payload: '{"version":"seven","content":42,"reviewerId":7}',
        type: 'application/json',
      },
      { name: 'unknown fields', payload: '{"version":1,"surprise":true}', type: 'application/json' },
      { name: 'broken JSON', payload: '{"version":', type: 'application/json' },
      {
        name: 'too large',
        payload: JSON.stringify({ text: 'x'.repeat(1_100_000) }),
        type: 'application/json',
      },
      { name: 'not JSON', payload: 'version=1', type: 'text/plain' },
    ];
    const answers: string[] = [];
    for (const route of writes) {
      const [method, path] = route.split(' ');
      const url = `/api/${path}`
        .replace(/\/+/g, '/')
        .replace(':name', 'submit')
        .replace(':entityType', 'Practice')
        .replace(':number', '1')
        .replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');
      for (const body of bodies) {
        const response = await api.request({
          method: method as 'POST',
          url,
          payload: body.payload,
          headers: { ...bearer(everyone.token), 'content-type': body.type },
        });
        answers.push(`${route} (${body.name}): ${response.statusCode}`);
      }
    }
    // Routes that take no body ignore one; every other route refuses bad input.
    const bodiless = ['POST notifications/read-all'];
    expect(answers.filter((a) => /: 5\d\d$/.test(a))).toEqual([]);
    expect(
      answers.filter((a) => !/: 4\d\d$/.test(a) && !bodiless.some((route) => a.startsWith(`${route} (`))),
    ).toEqual([]);
    // Still signed in throughout: every answer came from the route, not from a lost session.
    expect(answers.filter((a) => a.endsWith(': 401'))).toEqual([]);
  });
});
