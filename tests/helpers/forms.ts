import type { TestContext } from './test-app';

/** A browser's sign-in, for pages: the session cookie and the CSRF token its forms carry. */
export interface Session {
  cookie: string;
  csrf: string;
}

/** GETs and form POSTs through app.request, as a browser sends them (cookie, _csrf field). */
export function formClient(t: TestContext) {
  return {
    async get(path: string, who?: Session) {
      const res = await t.app.request(path, { headers: who ? { cookie: who.cookie } : {} });
      return { status: res.status, html: await res.text(), location: res.headers.get('location') };
    },
    async send(path: string, fields: Record<string, string> | [string, string][], who?: Session) {
      const body = new URLSearchParams(fields);
      if (who) body.append('_csrf', who.csrf);
      const res = await t.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(who ? { cookie: who.cookie } : {}) },
        body: body.toString(),
      });
      return {
        status: res.status,
        html: await res.text(),
        location: res.headers.get('location'),
        cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!,
      };
    },
  };
}
