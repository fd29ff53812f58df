import { Hono } from 'hono';
import { AppError, coreError } from '../core/errors';
import type { AppContext, AppEnv } from '../http/env';
import { assertCan, parseForm, pathId, requireStaffPage, saidToViewer, shellProps } from '../http/pages';
import { baseUrl } from '../http/request-origin';
import { ConnectProviderParam, PickAccounts, PickOffers } from './meta-connect.input';
import {
  addPicked,
  connectApp,
  finishConnect,
  isMetaProvider,
  pendingPages,
  startConnect,
} from './meta-connect.service';
import { addPickedOffers, finishOAuthConnect, pendingOffers, startOAuthConnect } from './oauth-connect.service';
import { sourcesMessages as m } from './messages';
import type { ConnectProvider } from './schema';
import { ConnectResultPage, PickAccountsPage, PickOffersPage } from './views/meta-connect-pages';

/**
 * Connect with Facebook / Threads: start (a POST, so no other site can start a flow for an admin), Meta's
 * way back (the callback), and the picker. Problems of the flow show on a page with a way to try again.
 */
const callbackUrl = (c: AppContext, provider: ConnectProvider) =>
  `${baseUrl(c)}/settings/sources/connect/${provider}/callback`;

const provider = (c: AppContext): ConnectProvider => {
  const p = ConnectProviderParam.safeParse(c.req.param('provider'));
  if (!p.success) throw coreError('NOT_FOUND', { what: 'sign_in' });
  return p.data;
};

const CONNECT_CODES = new Set([
  'FORM_INVALID',
  'CONNECT_EXPIRED',
  'CONNECT_REFUSED',
  'CONNECT_FAILED',
  'CONNECT_NOTHING_CHOSEN',
]);

/** "2 added, 1 reconnected". */
const addedText = (c: AppContext, added: { created: string[]; reconnected: string[] }) =>
  [
    added.created.length ? c.var.i18n.t(m.added, { count: added.created.length }) : '',
    added.reconnected.length ? c.var.i18n.t(m.reconnected, { count: added.reconnected.length }) : '',
  ]
    .filter(Boolean)
    .join(', ');

function problemPage(c: AppContext, err: unknown, retry?: ConnectProvider) {
  if (!(err instanceof AppError) || !CONNECT_CODES.has(err.code)) throw err;
  return c.html(
    <ConnectResultPage {...shellProps(c)} ok={false} message={`${saidToViewer(c, err)} (${err.code})`} retry={retry} />,
    err.status as 422,
  );
}

export const metaConnectPages = new Hono<AppEnv>()
  .use('/settings/sources/connect/*', requireStaffPage)
  .post('/settings/sources/connect/:provider', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const p = provider(c);
    const now = c.var.deps.clock();
    const url = isMetaProvider(p)
      ? await startConnect(c.var.deps, actor, p, callbackUrl(c, p), now)
      : await startOAuthConnect(c.var.deps, actor, p, callbackUrl(c, p), now);
    return c.redirect(url.toString(), 303);
  })
  .get('/settings/sources/connect/:provider/callback', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const p = provider(c);
    try {
      const now = c.var.deps.clock();
      if (!isMetaProvider(p)) {
        const connectId = await finishOAuthConnect(c.var.deps, actor, p, new URL(c.req.url), callbackUrl(c, p), now);
        return c.redirect(`/settings/sources/connect/accounts/${connectId}`, 303);
      }
      const done = await finishConnect(c.var.deps, actor, p, new URL(c.req.url), callbackUrl(c, p), now);
      if (done.kind === 'pick') return c.redirect(`/settings/sources/connect/facebook/${done.connectId}`, 303);
      return c.redirect(`/settings/sources/${done.sourceIds[0]}`, 303);
    } catch (err) {
      return problemPage(c, err, p);
    }
  })
  .get('/settings/sources/connect/accounts/:connectId', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const connectId = pathId(c, 'connection', 'connectId');
    try {
      const { provider: p, pending } = await pendingOffers(c.var.deps, actor, connectId, c.var.deps.clock());
      return c.html(<PickOffersPage {...shellProps(c)} connectId={connectId} provider={p} pending={pending} />);
    } catch (err) {
      return problemPage(c, err);
    }
  })
  .post('/settings/sources/connect/accounts/:connectId', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const connectId = pathId(c, 'connection', 'connectId');
    const form = await parseForm(c, PickOffers);
    try {
      if (!form.ok) throw coreError('FORM_INVALID', { problem: form.message });
      const added = await addPickedOffers(c.var.deps, actor, connectId, form.data.accounts, c.var.deps.clock());
      return c.html(
        <ConnectResultPage {...shellProps(c)} ok message={c.var.i18n.t(m.connected, { added: addedText(c, added) })} />,
      );
    } catch (err) {
      return problemPage(c, err);
    }
  })
  .get('/settings/sources/connect/facebook/:connectId', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const connectId = pathId(c, 'connection', 'connectId');
    try {
      const pending = await pendingPages(c.var.deps, actor, connectId, c.var.deps.clock());
      const threadsReady = connectApp(c.var.deps.meta, 'threads') !== null;
      return c.html(
        <PickAccountsPage {...shellProps(c)} connectId={connectId} pending={pending} threadsReady={threadsReady} />,
      );
    } catch (err) {
      return problemPage(c, err, 'facebook');
    }
  })
  .post('/settings/sources/connect/facebook/:connectId', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const connectId = pathId(c, 'connection', 'connectId');
    const form = await parseForm(c, PickAccounts);
    try {
      if (!form.ok) throw coreError('FORM_INVALID', { problem: form.message });
      const added = await addPicked(c.var.deps, actor, connectId, form.data, c.var.deps.clock());
      return c.html(
        <ConnectResultPage
          {...shellProps(c)}
          ok
          message={c.var.i18n.t(m.connectedWebhooks, { added: addedText(c, added) })}
          details={added.warnings}
        />,
      );
    } catch (err) {
      return problemPage(c, err, 'facebook');
    }
  });
