import { afterAll, describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../src/server/config';
import { createTestContext, type TestContext } from '../helpers/test-app';

const opened: TestContext[] = [];
afterAll(() => Promise.all(opened.map((t) => t.close())));

async function metricsWith(env: Record<string, string>, authorization?: string) {
  const t = await createTestContext({ env });
  opened.push(t);
  return t.request('GET', '/metrics', { headers: authorization ? { authorization } : {} });
}

describe('/metrics', () => {
  it('refuses everyone when HOST is not loopback and METRICS_TOKEN is not set', async () => {
    const res = await metricsWith({ HOST: '0.0.0.0' });
    expect(res.status).toBe(401);
    expect(res.text).toContain('METRICS_TOKEN');
    expect(res.text).not.toContain('http_requests_total');
  });

  it('needs the token when HOST is not loopback and METRICS_TOKEN is set', async () => {
    const env = { HOST: '0.0.0.0', METRICS_TOKEN: 'metrics-secret-123' };
    expect((await metricsWith(env)).status).toBe(401);
    expect((await metricsWith(env, 'Bearer wrong-token')).status).toBe(401);
    const ok = await metricsWith(env, 'Bearer metrics-secret-123');
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('# TYPE http_requests_total counter');
  });

  it('needs the token behind a trusted proxy even on a loopback HOST (the proxy makes it public)', async () => {
    expect((await metricsWith({ HOST: '127.0.0.1', TRUST_PROXY: '1' })).status).toBe(401);
  });

  it('answers without a token on a loopback HOST with no proxy', async () => {
    const res = await metricsWith({ HOST: '127.0.0.1' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('# TYPE http_requests_total counter');
  });

  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.5', false],
    ['crm.example.com', false],
    ['127.0.0.1.evil.example', false],
  ])('reads HOST=%s as loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});
