/** Rules for the inbox list and the split view; appended after the base stylesheet (styles.ts). */
export const INBOX_CSS = `
main.wide { max-width: none; }
.inbox-split:not([data-open]) .inbox-col { max-width: 1100px; }
.inbox-col { min-width: 0; }
.inbox-col .page-head h1 { margin-bottom: .5rem; }
.inbox-col .tabs { margin-bottom: .5rem; }

/* The filter bar: one line; the rest of the filters drop down over the list instead of pushing it. */
.filter-bar { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; position: relative; margin: 0 0 .5rem; }
.filter-bar > label { flex-direction: row; }
.filter-bar > .grow { flex: 1 1 12rem; }
.filter-bar > .grow input { width: 100%; }
.more-filters summary {
  cursor: pointer; list-style: none; padding: .4rem .75rem; border: 1px solid var(--line); border-radius: 8px;
  background: var(--panel); font-size: .9rem; white-space: nowrap;
}
.more-filters summary::-webkit-details-marker { display: none; }
.more-filters summary::after { content: " ▾"; color: var(--muted); }
.more-filters[open] summary { border-color: var(--brand); }
.filter-panel {
  position: absolute; z-index: 20; top: calc(100% + .25rem); right: 0; width: min(46rem, 100%);
  display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; box-shadow: 0 8px 24px rgba(16,24,40,.18);
}
.filter-chips {
  list-style: none; padding: 0; margin: 0 0 .5rem; display: flex; flex-wrap: wrap; gap: .35rem; align-items: center;
  font-size: .85rem;
}
.chip {
  display: inline-flex; align-items: center; gap: .15rem; background: #e8eaf6; color: #283593; border-radius: 999px;
  padding: .05rem .2rem .05rem .65rem; max-width: 100%; overflow-wrap: anywhere;
}
.chip a { color: inherit; padding: 0 .35rem; border-radius: 999px; }
.chip a:hover { background: #c5cae9; text-decoration: none; }

/* The bulk bar: the select-all box always, the changes once a row is ticked (no script needed). */
.list-head { display: flex; gap: .75rem; align-items: center; flex-wrap: wrap; min-height: 2rem; font-size: .9rem; }
.list-head label.check { font-weight: 400; }
.bulk-actions { display: none; border: 0; padding: 0; margin: 0; align-items: center; gap: .5rem; }
.bulk-actions label { flex-direction: row; align-items: center; }
#bulk-form:has(input[name="ids"]:checked) .bulk-actions { display: flex; }

/* "3 new — show": floats over the list's top, so it never moves a row itself. */
.news {
  position: sticky; top: .5rem; height: 0; z-index: 15; display: flex; justify-content: center; overflow: visible;
}
.news-show {
  border-radius: 999px; box-shadow: 0 4px 14px rgba(16,24,40,.25); padding: .35rem 1rem; white-space: nowrap;
}

/* Compact rows: one line each, chips on it. */
ol.conversations {
  gap: 0; margin: .25rem 0; background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius);
  overflow: hidden;
}
.conv-row {
  align-items: center; gap: .5rem; padding: .3rem .6rem; border: 0; border-bottom: 1px solid var(--line);
  border-left: 3px solid transparent; border-radius: 0; box-shadow: none; overflow: hidden;
}
.conv-row:last-child { border-bottom: 0; }
.conv-row > input[type=checkbox] { margin: 0; flex: none; }
.conv-row.kbd-selected { outline-offset: -2px; }
.conv-row.open { background: #eef2ff; border-left-color: var(--brand); }
.conv-main {
  display: flex; align-items: center; gap: .4rem; white-space: nowrap; overflow: hidden; font-size: .9rem;
}
.conv-main > * { flex: none; }
.conv-main .conv-author {
  flex: 0 1 auto; min-width: 4rem; max-width: 11rem; overflow: hidden; text-overflow: ellipsis; overflow-wrap: normal;
}
.conv-main .conv-subject {
  flex: 1 1 12rem; min-width: 8rem; margin: 0; overflow: hidden; text-overflow: ellipsis; overflow-wrap: normal;
}
.conv-chips {
  display: flex; flex-wrap: wrap; gap: 2rem .3rem; align-items: center; align-content: flex-start; flex: 0 1 auto;
  min-width: 0; max-width: 45%; max-height: 1.5rem; overflow: hidden;
}
.conv-extra { display: contents; }
.conv-main time { margin-left: auto; }

/* Undo toasts, bottom centre. */
.toasts {
  position: fixed; bottom: 1rem; left: 50%; transform: translateX(-50%); z-index: 30; display: flex;
  flex-direction: column; gap: .5rem; max-width: calc(100vw - 2rem);
}
.toast {
  background: #111827; color: #f9fafb; border-radius: 8px; padding: .5rem .6rem .5rem 1rem; display: flex; gap: .75rem;
  align-items: center; box-shadow: 0 6px 20px rgba(16,24,40,.3); overflow-wrap: anywhere;
}
.toast button { background: transparent; color: #c7d2fe; border: 1px solid #4b5563; flex: none; }

/* The split view: list left, the conversation right, on wide screens while one is open. */
.split-pane:focus { outline: none; }
.pane-bar { display: flex; justify-content: space-between; align-items: center; gap: .5rem; margin: 0 0 .5rem; }
.pane-bar button { padding: .2rem .6rem; }
@media (min-width: 1100px) {
  .inbox-split[data-open] {
    display: grid; grid-template-columns: minmax(22rem, 2fr) minmax(0, 3fr); gap: 1.25rem; align-items: start;
  }
  .inbox-split[data-open] .split-pane {
    position: sticky; top: 0; max-height: 100vh; overflow: auto; padding: 0 .25rem 1.5rem; min-width: 0;
  }
  .inbox-split[data-open] .conv-extra, .inbox-split[data-open] .conv-assignee { display: none; }
  /* Beside a conversation the list is narrow: who and when on the first line, subject and chips on the second. */
  .inbox-split[data-open] .conv-main {
    display: grid; grid-template-columns: auto auto minmax(0, 1fr) auto; column-gap: .4rem; row-gap: .1rem;
  }
  .inbox-split[data-open] .conv-main .conv-author { max-width: none; }
  .inbox-split[data-open] .conv-main .conv-subject { grid-column: 1 / 4; grid-row: 2; }
  .inbox-split[data-open] .conv-chips { grid-column: 4; grid-row: 2; max-width: 11rem; justify-self: end; }
  .inbox-split[data-open] .conv-chips .sla-due { display: none; }
  .inbox-split[data-open] .conv-main time { grid-column: 4; grid-row: 1; justify-self: end; margin-left: 0; }
  .split-pane .conversation-grid { grid-template-columns: minmax(0, 1fr); }
}
@media (max-width: 1099px) {
  .split-pane { display: none; }
}

@media (max-width: 720px) {
  .filter-bar > label { flex: 1 1 40%; }
  .filter-bar > .grow { flex: 1 1 100%; }
  .filter-bar select { width: 100%; }
  .more-filters { flex: 1 1 auto; }
  .filter-panel { position: static; width: 100%; margin-top: .5rem; box-shadow: none; }
  .filter-panel > label, .filter-panel input, .filter-panel select { width: 100%; }
  .conv-main { flex-wrap: wrap; white-space: normal; row-gap: .15rem; }
  .conv-main .conv-author { max-width: 60%; }
  .conv-main .conv-subject { order: 5; flex: 1 1 100%; white-space: nowrap; }
  .conv-chips { order: 6; flex: 1 1 100%; max-width: none; max-height: none; row-gap: .25rem; }
  .conv-main time { margin-left: auto; }
  .bulk-actions { flex-wrap: wrap; }
  .toasts { left: 1rem; right: 1rem; transform: none; }
}
`;
