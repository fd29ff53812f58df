import type { AppDeps } from '../../http/env';
import { createApp } from '../app';

/**
 * The demo's team at work in the past: the real app (its routes, checks, audit and events) on a clock the
 * seed moves, called the way the API's clients call it. Work a request leaves running (a reply being sent)
 * is awaited before the clock moves on, so it happens at the time the request was made.
 */
export interface SeedClient {
  deps: AppDeps;
  /** The time the app sees now. */
  at: Date;
  request<T = unknown>(
    token: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T>;
  login(email: string, password: string): Promise<string>;
}

export function seedClient(deps: AppDeps, start: Date): SeedClient {
  const client: SeedClient = {
    at: start,
    deps: { ...deps, clock: () => client.at },
    request: async (token, method, path, body, headers) => {
      const pending: Promise<unknown>[] = [];
      const executionCtx = { waitUntil: (p: Promise<unknown>) => void pending.push(p), passThroughOnException() {} };
      const res = await app.request(
        `/api/v1${path}`,
        {
          method,
          headers: {
            ...headers,
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        },
        undefined,
        executionCtx as never,
      );
      await Promise.all(pending);
      const text = await res.text();
      if (!res.ok) throw new Error(`demo seed: ${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
      return (text ? JSON.parse(text) : null) as never;
    },
    login: async (email, password) =>
      (await client.request<{ token: string }>('', 'POST', '/auth/login', { email, password })).token,
  };
  const app = createApp(client.deps);
  return client;
}
