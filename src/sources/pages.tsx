import { Hono } from 'hono';
import { z } from 'zod';
import { can } from '../core/roles';
import { coreError } from '../core/errors';
import { runInBackground } from '../http/background';
import type { AppContext, AppEnv } from '../http/env';
import { assertCan, formProblem, parseForm, pathId, requireStaffPage, saidToViewer, shellProps } from '../http/pages';
import { sourceError } from './errors';
import { PLATFORM_FORMS, platformFormFields } from './platform-forms';
import { pollSource } from './poller';
import { type Platform, REVIEW_PLATFORMS } from '../core/platforms';
import { BackfillInput, CreateSource, PlaceTopics } from './source.input';
import {
  checkCredentials,
  createSource,
  deleteSource,
  getSource,
  listSources,
  publicSource,
  type SourceRow,
  startSourceBackfill,
  updateSource,
  verifySource,
} from './sources.service';
import { connectApp } from './meta-connect.service';
import { type HashtagUse, NewSourcePage, SourcePage, SourcesPage } from './views/sources-pages';
import { activeTopics, searchPlanFor, topicsOfKinds } from '../topics';
import type { ReviewPlaces } from './views/review-places';
import { sourcesMessages as m } from './messages';
import type { MessageDescriptor } from '../core/i18n/translator';
import type { VerifyResult } from '../connectors';
import { openNotice, sealNotice, type SourceNotice } from './notice';

const connectReady = (c: AppContext) => ({
  facebook: connectApp(c.var.deps.meta, 'facebook') !== null && Boolean(c.var.deps.connectors.facebook),
  threads: connectApp(c.var.deps.meta, 'threads') !== null && Boolean(c.var.deps.connectors.threads),
  google: c.var.deps.connectApps.google !== null,
  linkedin: c.var.deps.connectApps.linkedin !== null && Boolean(c.var.deps.connectors.linkedin),
});

/**
 * For a platform that counts hashtags against a quota (Instagram: 30 in 7 days): each topic's hashtags and
 * whether they are searched, searched at the next poll (room left), or waiting for room.
 */
async function hashtagUse(c: AppContext, source: SourceRow): Promise<HashtagUse | null> {
  const quota = c.var.deps.connectors[source.platform]?.hashtagQuota?.(source.cursor, c.var.deps.clock());
  if (!quota) return null;
  const topics = await activeTopics(c.var.deps.db, source.workspaceId);
  const searched = new Set(quota.searched);
  const room = searched.size < quota.limit;
  return {
    ...quota,
    topics: topics
      .map((t) => ({
        name: t.name,
        tags: [...new Set(searchPlanFor(source.platform, [t]).hashtags.map((h) => h.toLowerCase()))].map((tag) => ({
          tag,
          state: searched.has(tag) ? ('searched' as const) : room ? ('next' as const) : ('waiting' as const),
        })),
      }))
      .filter((t) => t.tags.length > 0),
  };
}

/** For review platforms (and Facebook's ratings): the apps or locations seen, and the products to map them to. */
async function reviewPlaces(c: AppContext, source: SourceRow): Promise<ReviewPlaces | null> {
  if (!(REVIEW_PLATFORMS as readonly string[]).includes(source.platform)) return null;
  const db = c.var.deps.db;
  const [seen, products] = await Promise.all([
    c.var.deps.sourceFlow.places(db, source.workspaceId, source.id),
    topicsOfKinds(db, source.workspaceId, ['brand', 'product']),
  ]);
  return {
    places: seen.map((p) => ({ ...p, topicId: source.placeTopics[p.id] ?? null })),
    products: products.map((t) => ({ id: t.id, name: t.name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Platforms that can be added here (and whose connector is installed). */
const addable = (c: AppContext) =>
  Object.entries(PLATFORM_FORMS).filter(([platform]) => c.var.deps.connectors[platform as Platform]) as [
    Platform,
    NonNullable<(typeof PLATFORM_FORMS)[Platform]>,
  ][];

/** What a source page says after a plain change (?ok=…): a code, never text from the address. */
const OK_MESSAGES: Record<string, MessageDescriptor> = {
  paused: m.okPaused,
  resumed: m.okResumed,
  backfill: m.okBackfill,
  credentials: m.credentialsSaved,
  products: m.productsSaved,
};

/** Back to the source's own page (post/redirect/get), with a code or a sealed notice to show there. */
const backTo = (c: AppContext, id: string, ok: keyof typeof OK_MESSAGES) =>
  c.redirect(`/settings/sources/${id}?ok=${ok}`, 303);
async function backWith(c: AppContext, id: string, notice: SourceNotice) {
  const sealed = await sealNotice(c.var.deps.credentials, id, notice, c.var.deps.clock());
  return c.redirect(`/settings/sources/${id}?notice=${encodeURIComponent(sealed)}`, 303);
}

/** "Verified: …" in the viewer's language (the connector's own words; a platform's error text as it came). */
function verifiedText(c: AppContext, r: VerifyResult) {
  const ok = r.ok ? 'yes' : 'no';
  const message = r.said ? c.var.i18n.t(r.said.message, r.said.values) : r.message;
  return r.account
    ? c.var.i18n.t(m.verifiedAccount, { ok, message, account: r.account })
    : c.var.i18n.t(m.verified, { ok, message });
}

async function noticeFromAddress(c: AppContext, id: string): Promise<SourceNotice | undefined> {
  const ok = c.req.query('ok') ?? '';
  if (Object.hasOwn(OK_MESSAGES, ok)) return { kind: 'ok', message: c.var.i18n.t(OK_MESSAGES[ok]!) };
  return openNotice(c.var.deps.credentials, id, c.req.query('notice'), c.var.deps.clock());
}

async function renderSource(c: AppContext, id: string, notice?: SourceNotice, status = 200) {
  const actor = assertCan(c, 'inbox:read');
  const source = await getSource(c.var.deps.db, actor.workspaceId, id);
  notice ??= await noticeFromAddress(c, id);
  const mentionCount = await c.var.deps.sourceFlow.mentionCount(c.var.deps.db, actor.workspaceId, id);
  const credentialFields =
    PLATFORM_FORMS[source.platform]?.fields.filter((f) => f.name.startsWith('credentials.')) ?? [];
  const hashtags = await hashtagUse(c, source);
  const quota = c.var.deps.connectors[source.platform]?.quota?.(source.cursor, c.var.deps.clock()) ?? null;
  const places = await reviewPlaces(c, source);
  return c.html(
    <SourcePage
      {...shellProps(c)}
      source={publicSource(source, c.var.deps.clock())}
      canManage={can(actor.role, 'settings:manage')}
      mentionCount={mentionCount}
      credentialFields={credentialFields}
      access={PLATFORM_FORMS[source.platform]}
      notice={notice}
      connect={connectReady(c)}
      hashtags={hashtags}
      quota={quota}
      places={places}
    />,
    status as 200,
  );
}

/** Settings > Sources: list with health, a form per platform, and each source's page of actions. */
export const sourcePages = new Hono<AppEnv>()
  .use('/settings/sources', requireStaffPage)
  .use('/settings/sources/*', requireStaffPage)
  .get('/settings/sources', async (c) => {
    const actor = assertCan(c, 'inbox:read');
    const rows = await listSources(c.var.deps.db, actor.workspaceId);
    return c.html(
      <SourcesPage
        {...shellProps(c)}
        ok={c.req.query('ok') === 'deleted' ? c.var.i18n.t(m.okDeleted) : undefined}
        sources={rows.map((s) => publicSource(s, c.var.deps.clock()))}
        forms={addable(c)}
        canManage={can(actor.role, 'settings:manage')}
        connect={connectReady(c)}
      />,
    );
  })
  .get('/settings/sources/new', (c) => {
    assertCan(c, 'settings:manage');
    const platform = c.req.query('platform');
    const form = addable(c).find(([p]) => p === platform);
    if (!form) return c.redirect('/settings/sources', 303);
    return c.html(<NewSourcePage {...shellProps(c)} platform={form[0]} form={form[1]} />);
  })
  .post('/settings/sources', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    // The platform first: it decides which config and credentials fields the form has.
    const chosen = await parseForm(c, CreateSource.pick({ platform: true }));
    const entry = chosen.ok ? addable(c).find(([p]) => p === chosen.data.platform) : undefined;
    if (!entry) throw sourceError('PLATFORM_NOT_CHOSEN');
    const [p, form] = entry;
    const fields = platformFormFields(form);
    const head = await parseForm(
      c,
      CreateSource.pick({ name: true, pollIntervalSeconds: true }).extend(fields.shape),
      fields.options,
    );
    try {
      if (!head.ok) throw coreError('FORM_INVALID', { problem: head.message });
      // Credentials are tried first: a token the platform refuses is not kept (the form says why).
      const verified = await checkCredentials(c.var.deps, p, head.data.config, head.data.credentials);
      const source = await createSource(c.var.deps, actor, { platform: p, ...head.data }, c.var.deps.clock());
      const added = c.var.i18n.t(m.okAdded);
      return backWith(c, source.id, {
        kind: 'ok',
        message: verified ? `${added} ${verifiedText(c, verified)}` : added,
      });
    } catch (err) {
      const e = formProblem(err);
      // Secrets are never echoed back into the form.
      const values = Object.fromEntries(Object.entries(head.values).filter(([k]) => !k.startsWith('credentials.')));
      return c.html(
        <NewSourcePage {...shellProps(c)} platform={p} form={form} error={saidToViewer(c, e)} values={values} />,
        422,
      );
    }
  })
  .get('/settings/sources/:id', (c) => renderSource(c, pathId(c, 'source')))
  .post('/settings/sources/:id/verify', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const id = pathId(c, 'source');
    const r = await verifySource(c.var.deps, actor.workspaceId, id);
    return backWith(c, id, { kind: r.ok ? 'ok' : 'error', message: verifiedText(c, r) });
  })
  .post('/settings/sources/:id/poll', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const id = pathId(c, 'source');
    await getSource(c.var.deps.db, actor.workspaceId, id);
    const r = await pollSource(c.var.deps, id, { force: true });
    const { t, number } = c.var.i18n;
    const notice =
      r.status === 'ok'
        ? {
            kind: 'ok' as const,
            message: t(m.polled, {
              fetched: number(r.fetched),
              inserted: number(r.inserted),
              duplicates: number(r.duplicates),
            }),
          }
        : r.status === 'failed'
          ? { kind: 'error' as const, message: t(m.pollFailed, { error: r.error }) }
          : { kind: 'error' as const, message: t(m.pollBusy) };
    return backWith(c, id, notice);
  })
  .post('/settings/sources/:id/credentials', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const id = pathId(c, 'source');
    const source = await getSource(c.var.deps.db, actor.workspaceId, id);
    const fields = (PLATFORM_FORMS[source.platform]?.fields ?? []).filter((f) => f.name.startsWith('credentials.'));
    const credentialFields = platformFormFields({ fields });
    const form = await parseForm(
      c,
      z.object({ credentials: credentialFields.shape.credentials }),
      credentialFields.options,
    );
    if (!form.ok) return renderSource(c, id, { kind: 'error', message: form.message }, 422);
    const { credentials } = form.data;
    if (Object.keys(credentials).length === 0)
      return renderSource(c, id, { kind: 'error', message: c.var.i18n.t(m.enterCredentials) }, 422);
    let verified: VerifyResult | null;
    try {
      verified = await checkCredentials(c.var.deps, source.platform, source.config, credentials);
      await updateSource(c.var.deps, actor, id, { credentials }, c.var.deps.clock());
    } catch (err) {
      const e = formProblem(err);
      return renderSource(c, id, { kind: 'error', message: saidToViewer(c, e) }, e.status);
    }
    if (!verified) return backTo(c, id, 'credentials');
    const saved = c.var.i18n.t(m.credentialsSaved);
    return backWith(c, id, { kind: 'ok', message: `${saved} ${verifiedText(c, verified)}` });
  })
  .post('/settings/sources/:id/places', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const id = pathId(c, 'source');
    const body = await c.req.parseBody();
    // Each select is `place.<id>`: a topic id, or empty for none.
    const change: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(body))
      if (k.startsWith('place.') && typeof v === 'string') change[k.slice(6)] = v.trim() || null;
    const parsed = PlaceTopics.safeParse(change);
    if (!parsed.success)
      return renderSource(c, id, { kind: 'error', message: c.var.i18n.t(m.choosePlaceProducts) }, 422);
    try {
      await updateSource(c.var.deps, actor, id, { placeTopics: parsed.data }, c.var.deps.clock());
    } catch (err) {
      const e = formProblem(err);
      return renderSource(c, id, { kind: 'error', message: saidToViewer(c, e) }, e.status);
    }
    return backTo(c, id, 'products');
  })
  .post('/settings/sources/:id/pause', async (c) => {
    await updateSource(
      c.var.deps,
      assertCan(c, 'settings:manage'),
      pathId(c, 'source'),
      { paused: true },
      c.var.deps.clock(),
    );
    return backTo(c, pathId(c, 'source'), 'paused');
  })
  .post('/settings/sources/:id/resume', async (c) => {
    await updateSource(
      c.var.deps,
      assertCan(c, 'settings:manage'),
      pathId(c, 'source'),
      { paused: false },
      c.var.deps.clock(),
    );
    return backTo(c, pathId(c, 'source'), 'resumed');
  })
  .post('/settings/sources/:id/backfill', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const id = pathId(c, 'source');
    const form = await parseForm(c, BackfillInput);
    if (!form.ok) return renderSource(c, id, { kind: 'error', message: form.message }, 422);
    try {
      await startSourceBackfill(c.var.deps.db, actor, id, form.data.days, c.var.deps.clock());
    } catch (err) {
      const e = formProblem(err);
      return renderSource(c, id, { kind: 'error', message: saidToViewer(c, e) }, e.status);
    }
    runInBackground(c, pollSource(c.var.deps, id, { force: true }));
    return backTo(c, id, 'backfill');
  })
  .post('/settings/sources/:id/delete', async (c) => {
    await deleteSource(c.var.deps.db, assertCan(c, 'settings:manage'), pathId(c, 'source'));
    return c.redirect('/settings/sources?ok=deleted', 303);
  });
