import { Hono } from 'hono';
import { can } from '../core/roles';
import type { AppContext, AppEnv } from '../http/env';
import { assertCan, formProblem, parseForm, pathId, requireStaffPage, saidToViewer, shellProps } from '../http/pages';
import { LexiconEntryInput } from './lexicon.input';
import { addLexiconEntry, listLexicon, removeLexiconEntry } from './lexicon.service';
import { type LexiconPreview, previewLexiconEntry } from './preview';
import { VocabularyPage } from './views/vocabulary-page';
import { vocabularyMessages as m } from './messages';

/** The form's fields by their labels, to name one in a message ("Weight: …"), in the viewer's language. */
const formOptions = (c: AppContext) => ({
  labels: { term: c.var.i18n.t(m.term), language: c.var.i18n.t(m.language), weight: c.var.i18n.t(m.weight) },
});

interface Extra {
  error?: string;
  values?: Record<string, string>;
  preview?: LexiconPreview;
}

function okMessage(c: AppContext): string | undefined {
  const marked = Math.max(Number(c.req.query('marked')) || 0, 0);
  if (c.req.query('ok') === 'added') return c.var.i18n.t(m.added, { marked });
  if (c.req.query('ok') === 'removed') return c.var.i18n.t(m.removed, { marked });
  return undefined;
}

async function render(c: AppContext, status = 200, extra: Extra = {}) {
  const actor = assertCan(c, 'inbox:read');
  const { items, pending } = await listLexicon(c.var.deps.db, actor.workspaceId);
  return c.html(
    <VocabularyPage
      {...shellProps(c)}
      entries={items}
      pending={pending}
      canManage={can(actor.role, 'settings:manage')}
      ok={extra.error || extra.preview ? undefined : okMessage(c)}
      {...extra}
    />,
    status as 200,
  );
}

const done = (c: AppContext, ok: string, marked: number) =>
  c.redirect(`/settings/vocabulary?ok=${ok}&marked=${marked}`, 303);

/** Settings > Vocabulary: the workspace's own terms for the analyzer, with a preview before adding one. */
export const vocabularyPages = new Hono<AppEnv>()
  .use('/settings/vocabulary', requireStaffPage)
  .use('/settings/vocabulary/*', requireStaffPage)
  .get('/settings/vocabulary', (c) => render(c))
  .post('/settings/vocabulary', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const form = await parseForm(c, LexiconEntryInput, formOptions(c));
    const { values } = form;
    if (!form.ok) return render(c, 422, { error: form.message, values });
    try {
      const r = await addLexiconEntry(c.var.deps, actor, form.data);
      return done(c, 'added', r.marked);
    } catch (err) {
      const e = formProblem(err);
      return render(c, e.status, { error: saidToViewer(c, e), values });
    }
  })
  .post('/settings/vocabulary/preview', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const form = await parseForm(c, LexiconEntryInput, formOptions(c));
    const { values } = form;
    if (!form.ok) return render(c, 422, { error: form.message, values });
    try {
      return render(c, 200, {
        values,
        preview: await previewLexiconEntry(c.var.deps.db, actor.workspaceId, form.data),
      });
    } catch (err) {
      const e = formProblem(err);
      return render(c, e.status, { error: saidToViewer(c, e), values });
    }
  })
  .post('/settings/vocabulary/:id/delete', async (c) => {
    const r = await removeLexiconEntry(c.var.deps, assertCan(c, 'settings:manage'), pathId(c, 'lexicon_entry'));
    return done(c, 'removed', r.marked);
  });
