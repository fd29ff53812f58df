import { yieldToEventLoop } from '../core/concurrency';
import { clip } from '../db/params';
import type { Db } from '../db/types';
import { analysedText, latestWithTerm, type TermCursor } from '../mentions';
import { loadAnalyzer } from '../sentiment';
import { compileEntries, lexiconRows } from './lexicon';
import type { LexiconEntryInput } from './lexicon.input';
import { checkNewEntry } from './lexicon.service';

/**
 * How far a preview looks: the latest 5,000 mentions with the term's words, at most 2.5 million characters
 * of them (5,000 long blog posts would otherwise take a minute), read 500 at a time (never all the texts in
 * memory at once) and analysed 50 at a time with a turn of the event loop between: about 60 ms of analysis
 * at a stretch, so nobody else waits on it for long.
 */
export interface PreviewOptions {
  limit: number;
  maxChars: number;
  page: number;
  slice: number;
}

export const DEFAULT_PREVIEW_OPTIONS: PreviewOptions = { limit: 5000, maxChars: 2_500_000, page: 500, slice: 50 };

/** A label change the entry would make, and how many mentions make it. */
export interface LabelChange {
  from: string;
  to: string;
  count: number;
}

export interface LexiconPreview {
  /** Mentions analysed with and without the entry. */
  examined: number;
  /** More mentions have the term's words than were examined (the latest were). */
  capped: boolean;
  /** Mentions whose label would change, by from → to, the most first. */
  changes: LabelChange[];
  changed: number;
  /** Mentions whose label would change but that staff corrected: they keep the correction. */
  corrected: number;
  /** A few of the changed mentions, to see the entry at work. */
  examples: { id: string; text: string; from: string; to: string }[];
}

const EXAMPLES = 5;

/**
 * What adding an entry would change of a workspace's past mentions: each is analysed with the workspace's
 * vocabulary as it is and with the entry added (title and text, as ingest does), and label changes are
 * counted. The entry is checked as adding it would be, so a preview never promises what saving refuses.
 */
export async function previewLexiconEntry(
  db: Db,
  workspaceId: string,
  input: LexiconEntryInput,
  options: Partial<PreviewOptions> = {},
): Promise<LexiconPreview> {
  const o = { ...DEFAULT_PREVIEW_OPTIONS, ...options };
  await checkNewEntry(db, workspaceId, input);
  const entries = await lexiconRows(db, workspaceId);
  const without = compileEntries(entries);
  const withEntry = compileEntries([...entries, input]);
  const { analyze } = await loadAnalyzer();
  const tally = new Map<string, LabelChange>();
  const out: LexiconPreview = { examined: 0, capped: false, changes: [], changed: 0, corrected: 0, examples: [] };
  let chars = 0;
  let cursor: TermCursor | undefined;
  reading: while (true) {
    const want = Math.min(o.page, o.limit - out.examined);
    // One more than wanted tells whether more mentions have the term's words.
    const found = await latestWithTerm(db, workspaceId, input.term, input.language, want + 1, cursor);
    const page = found.slice(0, want);
    for (let i = 0; i < page.length; i += o.slice) {
      if (i > 0 || cursor) await yieldToEventLoop();
      for (const r of page.slice(i, i + o.slice)) {
        const text = analysedText(r);
        chars += text.length;
        if (chars > o.maxChars) {
          out.capped = true;
          break reading;
        }
        out.examined++;
        const from = analyze(text, { lexicon: without }).label;
        const to = analyze(text, { lexicon: withEntry }).label;
        if (from === to) continue;
        if (r.override) {
          out.corrected++;
          continue;
        }
        out.changed++;
        const key = `${from}>${to}`;
        tally.set(key, { from, to, count: (tally.get(key)?.count ?? 0) + 1 });
        if (out.examples.length < EXAMPLES) out.examples.push({ id: r.id, text: clip(text, 200)!, from, to });
      }
    }
    if (found.length <= want) break;
    if (out.examined >= o.limit) {
      out.capped = true;
      break;
    }
    cursor = { postedAt: page.at(-1)!.postedAt, id: page.at(-1)!.id };
  }
  out.changes = [...tally.values()].sort((a, b) => b.count - a.count);
  return out;
}
