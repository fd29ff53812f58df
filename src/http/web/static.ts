import { Hono } from 'hono';
import { hashToken } from '../../core/tokens';
import CLIENT from './client-bundle.generated.json';
import { STYLESHEET } from './styles';

const versioned = (name: string, ext: string, body: string) => `/static/${name}.${hashToken(body).slice(0, 12)}.${ext}`;

export const STYLESHEET_URL = versioned('app', 'css', STYLESHEET);
// The browser script: TypeScript modules in ./client, bundled by scripts/build-client.ts (npm run build:client).
const CLIENT_SCRIPT = CLIENT.script;
export const SCRIPT_URL = versioned('app', 'js', CLIENT_SCRIPT);

const FILES: Record<string, { body: string; type: string }> = {
  [STYLESHEET_URL]: { body: STYLESHEET, type: 'text/css; charset=utf-8' },
  [SCRIPT_URL]: { body: CLIENT_SCRIPT, type: 'text/javascript; charset=utf-8' },
};

/** Static assets: versioned URLs, so they can be cached for a year. */
export const staticRoutes = new Hono().get('/static/:file', (c) => {
  const file = FILES[c.req.path];
  if (!file) return c.notFound();
  c.header('Cache-Control', 'public, max-age=31536000, immutable');
  return c.body(file.body, 200, { 'Content-Type': file.type });
});
