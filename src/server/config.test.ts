import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('fills every default from an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      SESSION_TTL_HOURS: 336,
      LOG_LEVEL: 'info',
      TRUST_PROXY: false,
    });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid setting PORT: .* \(got "abc"\)$/],
    [{ PORT: '70000' }, /^Invalid setting PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid setting DATABASE_URL: must start with postgres:\/\//],
    [{ ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'long-enough-password' }, /^Invalid setting ADMIN_EMAIL/],
    [
      { ADMIN_EMAIL: 'a@b.co' },
      /^Invalid setting ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD must be set together$/,
    ],
    [
      { ADMIN_EMAIL: 'a@b.co', ADMIN_PASSWORD: 'short' },
      /^Invalid setting ADMIN_PASSWORD: must be at least 12 characters \(got \(hidden\)\)$/,
    ],
    [{ LOG_LEVEL: 'loud' }, /^Invalid setting LOG_LEVEL/],
    [{ DATABASE_URL: 'postgres://u@h/db' }, /^Invalid setting APP_SECRET: is required with DATABASE_URL/],
    [{ APP_SECRET: 'short' }, /^Invalid setting APP_SECRET: must be at least 32 characters \(got \(hidden\)\)$/],
    [{ PUBLIC_URL: 'ftp://x' }, /^Invalid setting PUBLIC_URL/],
  ])('stops with one line naming the bad setting: %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as Error).message).toMatch(message);
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('never echoes a secret value in the error', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.co', ADMIN_PASSWORD: 'hunter2' })).toThrow(/hidden/);
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.co', ADMIN_PASSWORD: 'hunter2' })).not.toThrow(/hunter2/);
  });

  it('accepts a PostgreSQL URL and turns TRUST_PROXY=1 on', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@127.0.0.1:5432/db',
      APP_SECRET: 's'.repeat(32),
      TRUST_PROXY: '1',
    });
    expect(c.DATABASE_URL).toBe('postgres://u@127.0.0.1:5432/db');
    expect(c.TRUST_PROXY).toBe(true);
  });

  it('gives every outbound request a total deadline of 30 s unless OUTBOUND_DEADLINE_MS says otherwise', () => {
    expect(loadConfig({}).OUTBOUND_DEADLINE_MS).toBe(30_000);
    expect(loadConfig({ OUTBOUND_DEADLINE_MS: '5000' }).OUTBOUND_DEADLINE_MS).toBe(5000);
    expect(() => loadConfig({ OUTBOUND_DEADLINE_MS: '10' })).toThrow(
      /^Invalid setting OUTBOUND_DEADLINE_MS: must be at least 100 ms/,
    );
  });
});
