import { describe, expect, it } from 'vitest';
import { ConfigError, loadApiConfig } from './api-config';

describe('loadApiConfig', () => {
  it('fills defaults for a local machine', () => {
    const config = loadApiConfig({});
    expect(config).toMatchObject({
      API_PORT: 3100,
      REDIS_PREFIX: 'pathways',
      CORS_ORIGINS: [],
      TRUST_PROXY: false,
      PILOT_INVITATION_DAYS: 14,
    });
  });

  it('keeps pilot invitations open between 1 and 365 days', () => {
    expect(loadApiConfig({ PILOT_INVITATION_DAYS: '7' }).PILOT_INVITATION_DAYS).toBe(7);
    expect(() => loadApiConfig({ PILOT_INVITATION_DAYS: '0' })).toThrow(/PILOT_INVITATION_DAYS/);
  });

  it('names every bad variable', () => {
    expect(() =>
      loadApiConfig({ API_PORT: 'eighty', DATABASE_URL: 'mysql://x', TRUST_PROXY: 'maybe' }),
    ).toThrow(ConfigError);
    try {
      loadApiConfig({ API_PORT: 'eighty', DATABASE_URL: 'mysql://x', TRUST_PROXY: 'may be' });
    } catch (error) {
      expect((error as Error).message).toMatch(/API_PORT/);
      expect((error as Error).message).toMatch(/DATABASE_URL/);
      expect((error as Error).message).toMatch(/TRUST_PROXY/);
    }
  });

  it('trusts no proxy by default, and the listed ones when given', () => {
    expect(loadApiConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
    expect(loadApiConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(() => loadApiConfig({ TRUST_PROXY: 'a b' })).toThrow(/TRUST_PROXY/);
  });

  it('reads a list of CORS origins and refuses non-URLs', () => {
    expect(loadApiConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).CORS_ORIGINS).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(() => loadApiConfig({ CORS_ORIGINS: 'not a url' })).toThrow(/CORS_ORIGINS/);
  });
});
