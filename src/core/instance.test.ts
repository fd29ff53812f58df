import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instanceId } from './instance';

describe('instanceId', () => {
  it('takes INSTANCE_ID when set', () => {
    expect(instanceId({ INSTANCE_ID: 'web-1', DATA_DIR: './data', PORT: 3000 }, 'host')).toBe('web-1');
  });

  it('names a PGlite instance by host and data folder, the same on every start', () => {
    const a = instanceId({ DATA_DIR: './data', PORT: 3000 }, 'host');
    expect(a).toBe(`host:${resolve('./data')}`);
    expect(instanceId({ DATA_DIR: './data', PORT: 4000 }, 'host')).toBe(a);
  });

  it('names a PostgreSQL instance by host and port, so two instances on one host differ', () => {
    const pg = { DATABASE_URL: 'postgres://db/app', DATA_DIR: './data' };
    expect(instanceId({ ...pg, PORT: 3000 }, 'host')).toBe('host:3000');
    expect(instanceId({ ...pg, PORT: 3001 }, 'host')).not.toBe(instanceId({ ...pg, PORT: 3000 }, 'host'));
  });
});
