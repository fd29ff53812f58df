import { type Actor, ownerActor } from '../../src/core/actor';
import type { Argon2Params } from '../../src/accounts/password';
import type { Role } from '../../src/core/roles';
import { createWorkspaceWithOwner } from '../../src/accounts/setup.service';
import { insertUser } from '../../src/accounts/users.service';
import type { ConnectorRegistry } from '../../src/connectors/registry';
import type { Clock } from '../../src/core/clock';
import { createApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { createDeps, forwardedIp } from '../../src/server/deps';
import { createLogger, type Logger } from '../../src/http/logger';
import type { Mailer, MailMessage } from '../../src/http/env';
import { TEST_OUTBOUND_ALLOWLIST } from './outbound';
import { openTestDatabase } from './test-db';

/** Cheap hashing for tests that create many users; the production parameters have their own test. */
export const TEST_PASSWORD_PARAMS: Argon2Params = { m: 64, t: 1, p: 1 };
export const PASSWORD = 'correct-horse-battery-staple';

export interface TestContextOptions {
  clock?: Clock;
  env?: Record<string, string>;
  connectors?: ConnectorRegistry;
  mailer?: Mailer;
  /** A logger whose output the test reads (what the app writes to its log); silent otherwise. */
  logger?: Logger;
}

/** A mailer that keeps what it was asked to send (an SMTP server stands in where SMTP itself is tested). */
export function recordingMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return { configured: true, sent, send: async (m) => void sent.push(m) };
}

export const TEST_APP_SECRET = 'test-app-secret-test-app-secret-0123456789';

/** A real app on a real, fresh database, driven through app.request() (no sockets needed). */
export async function createTestContext(options: TestContextOptions = {}) {
  const handle = await openTestDatabase();
  // Platform fakes listen on 127.0.0.1; a test that wants the production guard passes OUTBOUND_ALLOWLIST: ''.
  const config = loadConfig({ LOG_LEVEL: 'silent', OUTBOUND_ALLOWLIST: TEST_OUTBOUND_ALLOWLIST, ...options.env });
  const deps = createDeps({
    handle,
    config,
    logger: options.logger ?? createLogger('silent'),
    appSecret: TEST_APP_SECRET,
    passwordParams: TEST_PASSWORD_PARAMS,
    ...(options.connectors ? { connectors: options.connectors } : {}),
    ...(options.mailer ? { mailer: options.mailer } : {}),
    // Tests say where a request comes from with X-Forwarded-For; otherwise it is loopback.
    clientIp: (c) => forwardedIp(c) ?? '127.0.0.1',
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const app = createApp(deps);

  async function request(
    method: string,
    path: string,
    opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await app.request(path, {
      method,
      headers,
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, json, text, headers: res.headers };
  }

  async function login(email: string, password = PASSWORD): Promise<string> {
    const res = await request('POST', '/api/v1/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${res.text}`);
    return res.json.token as string;
  }

  /** A browser-style sign-in: the session cookie and the CSRF token its forms carry. */
  async function browserSession(email: string, password = PASSWORD) {
    const res = await request('POST', '/api/v1/auth/login', { body: { email, password } });
    if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${res.text}`);
    return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: res.json.csrfToken as string };
  }

  /** A workspace with an owner, signed in. */
  async function seedWorkspace(name: string) {
    const email = `owner@${name.toLowerCase().replace(/[^a-z0-9]/g, '')}.test`;
    const { workspace, user } = await createWorkspaceWithOwner(
      deps.db,
      { workspaceName: name, email, name: `${name} Owner`, password: PASSWORD },
      TEST_PASSWORD_PARAMS,
    );
    // The owner as services see them, for tests that call services directly.
    const actor: Actor = ownerActor(workspace, user.id);
    return { workspace, owner: user, actor, token: await login(email) };
  }

  /** Another staff user of a workspace, signed in. */
  async function seedUser(workspaceId: string, role: Role, email: string) {
    const user = await insertUser(deps.db, workspaceId, { email, role, password: PASSWORD }, TEST_PASSWORD_PARAMS);
    return { user, token: await login(email) };
  }

  return {
    app,
    deps,
    db: deps.db,
    handle,
    request,
    login,
    browserSession,
    seedWorkspace,
    seedUser,
    close: async () => {
      await deps.events.idle();
      await deps.mailer.close?.();
      await handle.close();
    },
  };
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;
