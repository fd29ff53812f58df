import { Hono } from 'hono';
import { verifyMetaSignature } from '../connectors';
import type { AppEnv } from '../http/env';
import { sourceError } from './errors';
import { receiveWebhook } from './inbound-webhooks';

/**
 * Meta's webhook endpoint, outside sessions and CSRF (Meta signs instead). GET answers the subscription
 * handshake; POST checks `X-Hub-Signature-256` over the raw body with the Meta (or Threads) app secret,
 * keeps the delivery and answers 200 at once: the events are stored by a job (inbound-webhooks.ts). A
 * delivery whose signature does not hold is refused with 401 and nothing is kept.
 */
export const webhookRoutes = new Hono<AppEnv>()
  .get('/webhooks/meta', (c) => {
    const expected = c.var.deps.meta.webhookVerifyToken;
    if (!expected) throw sourceError('WEBHOOK_NOT_CONFIGURED', { platform: 'Meta' });
    if (c.req.query('hub.mode') !== 'subscribe' || c.req.query('hub.verify_token') !== expected)
      throw sourceError('WEBHOOK_VERIFY_TOKEN_WRONG');
    // Meta's challenge is a number; anything else is not echoed.
    const challenge = c.req.query('hub.challenge') ?? '';
    return c.text(/^[\w-]{1,200}$/.test(challenge) ? challenge : '', 200);
  })
  .post('/webhooks/meta', async (c) => {
    const { meta } = c.var.deps;
    const secrets = [meta.appSecret, meta.threadsAppSecret].filter((s): s is string => Boolean(s));
    if (secrets.length === 0) throw sourceError('WEBHOOK_NOT_CONFIGURED', { platform: 'Meta' });
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (!verifyMetaSignature(raw, c.req.header('x-hub-signature-256'), secrets))
      throw sourceError('WEBHOOK_SIGNATURE_INVALID');
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(raw));
    } catch {
      throw sourceError('WEBHOOK_BODY_INVALID');
    }
    const object = (body as { object?: unknown } | null)?.object;
    const platform = object === 'page' ? 'facebook' : object === 'instagram' ? 'instagram' : 'threads';
    await receiveWebhook(c.var.deps, platform, body);
    return c.text('EVENT_RECEIVED', 200);
  });
