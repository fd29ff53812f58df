import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { staffMember } from '../accounts';
import { can } from '../core/roles';
import { recheckActor, requireActor, requirePermission } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors, IdParam } from '../http/openapi';
import { getConversationRow } from './conversations.service';
import { inboxError } from './errors';
import { type LiveEvent, publish } from './live';

const tags = ['inbox'];

/** A live client further behind than this (bytes of events waiting, or their age) is dropped. */
export const LIVE_MAX_BUFFER_BYTES = 1024 * 1024;
export const LIVE_MAX_LAG_MS = 30_000;

export const liveApi = createApi()
  .openapi(
    createRoute({
      method: 'get',
      path: '/live',
      tags,
      summary: 'Server-Sent Events: the workspace’s inbox changes and who is viewing or typing',
      description:
        'Each event is `event: <type>` with a JSON `data` line: conversation {id, change: ' +
        'created|reopened|updated|new_message}, reply {id, conversationId, status}, note {id, conversationId}, ' +
        'presence {conversationId, userId, name, state: viewing|typing|left}. A comment line every 25 s keeps ' +
        'proxies from closing the stream. A client more than 1 MiB or 30 s of events behind is disconnected: ' +
        'reconnect and fetch afresh.',
      security: AUTHENTICATED,
      middleware: [requirePermission('inbox:read')],
      responses: {
        200: { description: 'The event stream', content: { 'text/event-stream': { schema: z.string() } } },
        ...errors(401, 403, 409),
      },
    }),
    async (c) => {
      const { workspaceId } = requireActor(c);
      const { live, access, settings, clock } = c.var.deps;
      const maxBytes = settings.liveMaxBufferBytes ?? LIVE_MAX_BUFFER_BYTES;
      const maxLagMs = settings.liveMaxLagMs ?? LIVE_MAX_LAG_MS;
      if (!live.available) throw inboxError('LIVE_UNAVAILABLE');
      // The stream outlives the moment it was authorised: its credential is checked again on every
      // heartbeat and at once when access changes in this process (logout, revoked key, disabled user).
      const stillAllowed = async () => {
        const now = await recheckActor(c);
        return now !== null && now.workspaceId === workspaceId && can(now.role, 'inbox:read');
      };
      return streamSSE(c, async (stream) => {
        // Events not yet written, serialized, with when they arrived: a client that stops reading
        // holds its writes up, and its queue must not grow without end.
        const queue: { type: LiveEvent['type']; data: string; at: number }[] = [];
        let queuedBytes = 0;
        let writingSince: number | null = null;
        let wake: (() => void) | null = null;
        let open = true;
        const close = () => {
          open = false;
          wake?.();
        };
        // Too far behind: dropped, its queue freed. The browser reconnects and fetches afresh.
        const drop = () => {
          queue.length = 0;
          queuedBytes = 0;
          close();
          stream.abort();
        };
        const stop = await live.subscribe(workspaceId, (e) => {
          if (!open) return;
          const data = JSON.stringify(e);
          const at = clock().getTime();
          queue.push({ type: e.type, data, at });
          queuedBytes += data.length;
          const oldest = writingSince ?? queue[0]!.at;
          if (queuedBytes > maxBytes || at - oldest > maxLagMs) drop();
          else wake?.();
        });
        let recheck: Promise<void> | null = null;
        const check = () =>
          (recheck ??= stillAllowed()
            .then((ok) => void (ok || close()))
            .catch(close)
            .finally(() => {
              recheck = null;
            }));
        const unwatch = access.watch((change) => void (change.workspaceId === workspaceId && check()));
        stream.onAbort(close);
        try {
          await stream.writeSSE({ event: 'ready', data: '{}' });
          while (open) {
            if (queue.length === 0) {
              let timer: ReturnType<typeof setTimeout> | undefined;
              const beat = await new Promise<boolean>((resolve) => {
                wake = () => resolve(false);
                timer = setTimeout(() => resolve(true), settings.liveHeartbeatMs);
              });
              clearTimeout(timer);
              wake = null;
              if (beat && open) {
                await check();
                if (open) await stream.write(': keep-alive\n\n');
              }
              continue;
            }
            const e = queue.shift()!;
            queuedBytes -= e.data.length;
            writingSince = e.at;
            await stream.writeSSE({ event: e.type, data: e.data });
            writingSince = null;
          }
        } finally {
          stop();
          unwatch();
        }
      });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/conversations/{id}/presence',
      tags,
      summary: 'Say you are viewing, typing a reply in, or leaving a conversation (collision detection)',
      description:
        'Clients repeat `viewing`/`typing` every 15 s while it holds; others treat a presence older than 30 s as gone.',
      security: AUTHENTICATED,
      middleware: [requirePermission('inbox:read')],
      request: {
        params: IdParam,
        body: {
          content: { 'application/json': { schema: z.object({ state: z.enum(['viewing', 'typing', 'left']) }) } },
          required: true,
        },
      },
      responses: { 204: { description: 'Announced' }, ...errors(401, 403, 404, 422) },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      await getConversationRow(c.var.deps.db, actor.workspaceId, id);
      if (actor.userId) {
        const u = await staffMember(c.var.deps.db, actor.userId);
        await publish(c.var.deps.db, actor.workspaceId, [
          {
            type: 'presence',
            conversationId: id,
            userId: actor.userId,
            name: u?.name || u?.email || 'A teammate',
            state: c.req.valid('json').state,
          },
        ]);
      }
      return c.body(null, 204);
    },
  );
