import { Hono } from 'hono';
import { hashToken } from '../accounts/tokens';
import { STYLESHEET } from './styles';

const version = hashToken(STYLESHEET).slice(0, 12);

export const STYLESHEET_URL = `/static/app.${version}.css`;

/** Static assets: versioned URLs, so they can be cached for a year. */
export const staticRoutes = new Hono().get('/static/:file', (c) => {
  if (c.req.path !== STYLESHEET_URL) return c.notFound();
  c.header('Cache-Control', 'public, max-age=31536000, immutable');
  return c.body(STYLESHEET, 200, { 'Content-Type': 'text/css; charset=utf-8' });
});
