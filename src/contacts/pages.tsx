import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { can } from '../core/roles';
import { listUsers } from '../accounts';
import { contactError } from './errors';
import { decodeKeyset } from '../db/keyset';
import type { MessageDescriptor } from '../core/i18n/translator';
import type { AppContext, AppEnv } from '../http/env';
import { assertCan, formProblem, parseForm, pathId, requireStaffPage, saidToViewer, shellProps } from '../http/pages';
import { PLATFORMS } from '../core/platforms';
import { addNote, getContact, getContactRow, listContacts, listStages, updateContact } from './contacts.service';
import { dismissSuggestion, findSimilar, getSuggestion, LIKELY_DUPLICATE, listSuggestions } from './duplicates.service';
import { mergeContacts, listMerges, undoMerge } from './merge.service';
import { MergeInput, NoteInput } from './contact.input';
import {
  listHref,
  MergeForm,
  mergeChoices,
  PAGE_SIZE,
  PROFILE_FORM,
  ProfileForm,
  readListParams,
  SegmentForm,
  toListQuery,
} from './page-forms';
import { filterFromQuery } from './routes';
import { contactMessages as m } from './messages';
import { contactMerges } from './schema';
import { createSegment, deleteSegment, listSegments } from './segments';
import { contactTimeline, sentimentHistory } from './timeline';
import { contactTransferPages } from './transfer.pages';
import { ContactPage } from './views/contact-page';
import { ContactsPage } from './views/contacts-page';
import { DuplicatesPage } from './views/duplicates-page';
import { displayName } from './views/parts';

/** Notices after a redirect: a fixed word in the URL, never text from it. */
const OK_MESSAGES: Record<string, MessageDescriptor> = {
  saved: m.okSaved,
  noted: m.okNoted,
  merged: m.okMerged,
  unmerged: m.okUnmerged,
  dismissed: m.okDismissed,
  'segment-saved': m.okSegmentSaved,
  'segment-deleted': m.okSegmentDeleted,
};
const okMessage = (c: AppContext) => {
  const ok = c.req.query('ok') ?? '';
  return Object.hasOwn(OK_MESSAGES, ok) ? c.var.i18n.t(OK_MESSAGES[ok]!) : undefined;
};

const DUPLICATES_PAGE_SIZE = 20;
const TIMELINE_PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Staff names by user id, for note authors, owners and who merged. */
async function people(c: AppContext, workspaceId: string) {
  return new Map((await listUsers(c.var.deps.db, workspaceId)).map((u) => [u.id, u.name || u.email]));
}

async function renderList(c: AppContext, status = 200, error?: string, query: Record<string, string> = c.req.query()) {
  const actor = assertCan(c, 'contacts:read');
  const db = c.var.deps.db;
  const params = readListParams(query);
  const [segments, stages, duplicates] = await Promise.all([
    listSegments(db, actor.workspaceId),
    listStages(db, actor.workspaceId),
    listSuggestions(db, actor.workspaceId, { limit: 1, offset: 0 }),
  ]);
  // A segment link that outlived its segment shows everyone rather than an error.
  if (params.segment && !segments.some((s) => s.id === params.segment)) params.segment = undefined;
  const filter = await filterFromQuery(db, actor.workspaceId, toListQuery(params));
  const list = await listContacts(db, actor.workspaceId, {
    filter,
    sort: params.sort,
    limit: PAGE_SIZE,
    offset: params.offset,
    now: c.var.deps.clock(),
  });
  return c.html(
    <ContactsPage
      {...shellProps(c)}
      items={list.items}
      total={list.total}
      params={params}
      stages={stages}
      platforms={PLATFORMS.filter((p) => p !== 'import' && p !== 'demo')}
      segments={segments}
      openDuplicates={duplicates.total}
      canWrite={can(actor.role, 'contacts:write')}
      ok={okMessage(c)}
      error={error}
    />,
    status as 200,
  );
}

async function renderContact(
  c: AppContext,
  id: string,
  extra: { status?: number; error?: string; values?: Record<string, string>; note?: string } = {},
) {
  const actor = assertCan(c, 'contacts:read');
  const db = c.var.deps.db;
  const contact = await getContact(db, actor.workspaceId, id);
  const cursor = validCursor(c.req.query('before'));
  const [timeline, history, similar, merges, stages, names, survivor] = await Promise.all([
    contactTimeline(db, actor.workspaceId, id, { limit: TIMELINE_PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    sentimentHistory(db, actor.workspaceId, id),
    contact.mergedIntoId ? [] : findSimilar(db, actor.workspaceId, id, 5),
    listMerges(db, actor.workspaceId, id),
    listStages(db, actor.workspaceId),
    people(c, actor.workspaceId),
    contact.mergedIntoId ? getContact(db, actor.workspaceId, contact.mergedIntoId).catch(() => null) : null,
  ]);
  const mergedAway = new Map(
    (
      await Promise.all(
        [...new Set(merges.flatMap((merge) => merge.fromIds))].map((fid) =>
          getContact(db, actor.workspaceId, fid).catch(() => null),
        ),
      )
    )
      .filter((x) => x !== null)
      .map((x) => [x.id, displayName(x)]),
  );
  return c.html(
    <ContactPage
      {...shellProps(c)}
      contact={contact}
      survivor={
        survivor
          ? { id: survivor.id, name: displayName(survivor) }
          : contact.mergedIntoId
            ? { id: contact.mergedIntoId, name: c.var.i18n.t(m.anotherContact) }
            : null
      }
      timeline={{ items: timeline.items, next: timeline.next, paged: cursor !== undefined }}
      history={history}
      similar={similar}
      likely={LIKELY_DUPLICATE}
      merges={merges.map((merge) => ({
        id: merge.id,
        createdAt: merge.createdAt,
        undoneAt: merge.undoneAt,
        by: merge.createdBy ? (names.get(merge.createdBy) ?? null) : null,
        from: merge.fromIds.map((fid) => ({ id: fid, name: mergedAway.get(fid) ?? c.var.i18n.t(m.deletedContact) })),
      }))}
      stages={stages}
      people={names}
      canWrite={can(actor.role, 'contacts:write')}
      ok={okMessage(c)}
      error={extra.error}
      editing={c.req.query('edit') === '1'}
      values={extra.values}
      note={extra.note}
    />,
    (extra.status ?? 200) as 200,
  );
}

async function renderDuplicates(c: AppContext, status = 200, error?: string) {
  const actor = assertCan(c, 'contacts:read');
  const offset = Math.max(0, Math.min(1_000_000, Number.parseInt(c.req.query('offset') ?? '0', 10) || 0));
  const weak = c.req.query('weak') === '1';
  const [list, names] = await Promise.all([
    listSuggestions(c.var.deps.db, actor.workspaceId, { limit: DUPLICATES_PAGE_SIZE, offset, weak }),
    people(c, actor.workspaceId),
  ]);
  const merged = c.req.query('contact');
  return c.html(
    <DuplicatesPage
      {...shellProps(c)}
      items={list.items}
      total={list.total}
      weaker={list.weaker}
      weak={weak}
      likely={LIKELY_DUPLICATE}
      offset={offset}
      pageSize={DUPLICATES_PAGE_SIZE}
      people={names}
      canWrite={can(actor.role, 'contacts:write')}
      ok={okMessage(c)}
      merged={merged && UUID.test(merged) ? merged : undefined}
      error={error}
    />,
    status as 200,
  );
}

/** Back to the queue as it was: with the weaker suggestions when they were shown (the form's action says). */
const weakParam = (c: AppContext) => (c.req.query('weak') === '1' ? 'weak=1&' : '');

/** An edited or stale "older" link falls back to the newest page. */
function validCursor(cursor: string | undefined) {
  if (!cursor || cursor.length > 200) return undefined;
  try {
    decodeKeyset(cursor);
    return cursor;
  } catch {
    return undefined;
  }
}

/**
 * The contacts pages: the list, one contact, and the duplicate review queue. Changes post forms
 * (with the CSRF field) and redirect back with a notice; a problem the person can fix re-renders
 * the page with it.
 */
export const contactPages = new Hono<AppEnv>()
  .use('/contacts', requireStaffPage)
  .use('/contacts/*', requireStaffPage)
  // Before /contacts/:id, which would otherwise answer /contacts/imports.
  .route('/', contactTransferPages)
  .get('/contacts', (c) => renderList(c))
  .post('/contacts/segments', async (c) => {
    const actor = assertCan(c, 'contacts:write');
    const form = await parseForm(c, SegmentForm);
    // The list's filters are posted beside the name, as its query string carries them.
    const body = form.values;
    if (!form.ok) return renderList(c, 422, form.message, body);
    const params = readListParams(body);
    try {
      const filter = await filterFromQuery(c.var.deps.db, actor.workspaceId, toListQuery(params));
      const segment = await createSegment(c.var.deps.db, actor, { name: form.data.name, filter });
      return c.redirect(`${listHref({ segment: segment.id, sort: params.sort })}&ok=segment-saved`, 303);
    } catch (err) {
      const e = formProblem(err);
      return renderList(c, e.status, saidToViewer(c, e), body);
    }
  })
  .post('/contacts/segments/:id/delete', async (c) => {
    await deleteSegment(c.var.deps.db, assertCan(c, 'contacts:write'), pathId(c, 'segment'));
    return c.redirect('/contacts?ok=segment-deleted', 303);
  })
  .get('/contacts/duplicates', (c) => renderDuplicates(c))
  .post('/contacts/duplicates/:id/merge', async (c) => {
    const actor = assertCan(c, 'contacts:write');
    const s = await getSuggestion(c.var.deps.db, actor.workspaceId, pathId(c, 'suggestion'));
    if (s.status !== 'open') return renderDuplicates(c, 409, c.var.i18n.t(m.suggestionDone, { status: s.status }));
    const form = await parseForm(c, MergeForm);
    if (!form.ok) return renderDuplicates(c, 422, form.message);
    const choice = mergeChoices(form.data, [s.contactA, s.contactB]);
    try {
      await mergeContacts(
        c.var.deps.db,
        actor,
        { into: choice.into, from: [choice.from], fields: choice.fields },
        c.var.deps.clock(),
      );
    } catch (err) {
      const e = formProblem(err);
      return renderDuplicates(c, e.status, saidToViewer(c, e));
    }
    return c.redirect(`/contacts/duplicates?${weakParam(c)}ok=merged&contact=${choice.into}`, 303);
  })
  .post('/contacts/duplicates/:id/dismiss', async (c) => {
    const actor = assertCan(c, 'contacts:write');
    try {
      await dismissSuggestion(c.var.deps.db, actor, pathId(c, 'suggestion'), c.var.deps.clock());
    } catch (err) {
      const e = formProblem(err);
      return renderDuplicates(c, e.status, saidToViewer(c, e));
    }
    return c.redirect(`/contacts/duplicates?${weakParam(c)}ok=dismissed`, 303);
  })
  .post('/contacts/merges/:id/undo', async (c) => {
    const actor = assertCan(c, 'contacts:write');
    const id = pathId(c, 'merge');
    try {
      const { contacts } = await undoMerge(c.var.deps.db, actor, id, c.var.deps.clock());
      return c.redirect(`/contacts/${contacts[0]!.id}?ok=unmerged`, 303);
    } catch (err) {
      const e = formProblem(err);
      // Shown on the contact the merge went into, where the Undo button was.
      const intoId = await mergeTarget(c, actor.workspaceId, id);
      if (!intoId) throw err;
      return renderContact(c, intoId, { status: e.status, error: saidToViewer(c, e) });
    }
  })
  .get('/contacts/:id', (c) => renderContact(c, pathId(c, 'contact')))
  .post('/contacts/:id', async (c) => {
    const actor = assertCan(c, 'contacts:write');
    const id = pathId(c, 'contact');
    await getContactRow(c.var.deps.db, actor.workspaceId, id);
    const form = await parseForm(c, ProfileForm, PROFILE_FORM);
    const { values } = form;
    if (!form.ok) return renderContact(c, id, { status: 422, error: form.message, values });
    try {
      await updateContact(c.var.deps.db, actor, id, form.data, c.var.deps.clock());
    } catch (err) {
      const e = formProblem(err);
      return renderContact(c, id, { status: e.status, error: saidToViewer(c, e), values });
    }
    return c.redirect(`/contacts/${id}?ok=saved`, 303);
  })
  .post('/contacts/:id/notes', async (c) => {
    const actor = assertCan(c, 'contacts:write');
    const id = pathId(c, 'contact');
    await getContactRow(c.var.deps.db, actor.workspaceId, id);
    const form = await parseForm(c, NoteInput);
    const note = form.values.body;
    if (!form.ok) return renderContact(c, id, { status: 422, error: form.message, note });
    try {
      await addNote(c.var.deps.db, actor, id, form.data.body);
    } catch (err) {
      const e = formProblem(err);
      return renderContact(c, id, { status: e.status, error: saidToViewer(c, e), note });
    }
    return c.redirect(`/contacts/${id}?ok=noted`, 303);
  })
  .post('/contacts/:id/merge', async (c) => {
    const actor = assertCan(c, 'contacts:write');
    const id = pathId(c, 'contact');
    await getContactRow(c.var.deps.db, actor.workspaceId, id);
    const form = await parseForm(c, MergeInput.pick({ from: true }));
    const from = form.ok ? form.data.from[0]! : undefined;
    if (!from) throw contactError('MERGE_CONTACT_NOT_CHOSEN');
    try {
      await mergeContacts(c.var.deps.db, actor, { into: id, from: [from] }, c.var.deps.clock());
    } catch (err) {
      const e = formProblem(err);
      return renderContact(c, id, { status: e.status, error: saidToViewer(c, e) });
    }
    return c.redirect(`/contacts/${id}?ok=merged`, 303);
  });

/** The contact a merge went into (to show there why an undo failed). */
async function mergeTarget(c: AppContext, workspaceId: string, mergeId: string): Promise<string | null> {
  const [m] = await c.var.deps.db
    .select({ intoId: contactMerges.intoId })
    .from(contactMerges)
    .where(and(eq(contactMerges.workspaceId, workspaceId), eq(contactMerges.id, mergeId)));
  return m?.intoId ?? null;
}
