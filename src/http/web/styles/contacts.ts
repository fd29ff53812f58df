/** Rules for contacts, duplicates and the mention stream; appended after the base stylesheet (styles.ts). */
export const CONTACTS_CSS = `
/* Links as pills: saved segments on the contacts list, active filters on the mention stream. */
.pill-list {
  list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .35rem; align-items: center;
}
a.pill {
  display: inline-block; padding: .2rem .65rem; border-radius: 999px; border: 1px solid #c5cae9; background: #eef0fb;
  color: var(--text); font-size: .85rem; overflow-wrap: anywhere;
}
a.pill:hover { border-color: var(--brand); text-decoration: none; }
a.pill.active { background: var(--brand); border-color: var(--brand); color: var(--brand-ink); }
.segment-list { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 0 0 .75rem; }
.segment-list h2 { margin: 0; font-size: .85rem; color: var(--muted); font-weight: 600; }
.head-actions { gap: .5rem; align-items: center; flex-wrap: wrap; }
.head-actions .button { font-size: .9rem; padding: .35rem .75rem; }
a.button.secondary { background: #fff; color: var(--text); border-color: #cbd2dc; }

/* The contact page reads first: the form opens under an Edit button. */
.edit-profile { margin-top: .75rem; }
.edit-profile > summary { list-style: none; display: inline-block; font-size: .9rem; padding: .35rem .75rem; }
.edit-profile > summary::-webkit-details-marker { display: none; }
.edit-profile[open] > summary { margin-bottom: .75rem; }
summary.button.secondary { background: #fff; color: var(--text); border: 1px solid #cbd2dc; border-radius: 8px; }
summary.button:focus-visible { outline: 2px solid var(--brand); outline-offset: 2px; }
.tl-links { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: .25rem 0 0; }

/* A score and its parts: the total under them says they add up. */
.score-total { margin: .35rem 0 0; padding-top: .35rem; border-top: 1px solid var(--line); font-weight: 600; }
.more-parts > summary { cursor: pointer; color: var(--brand); font-size: .85rem; }
.more-parts .reasons { margin-top: .25rem; }

/* Duplicates: a field that differs is tinted and says so in words; weak suggestions step back. */
.side dt.differs, .side dd.differs { background: #fff8e1; }
.side dd.differs { font-weight: 600; }
.side-head.differs { background: #fff8e1; border-radius: 6px; padding: 0 .25rem; }
.differs-mark {
  display: inline-block; margin-left: .35rem; padding: 0 .4rem; border-radius: 999px; border: 1px solid #e0b84c;
  color: #7a5200; font-size: .75rem; font-weight: 600; white-space: nowrap;
}
.suggestion.weak { border-style: dashed; }
.weak-badge { background: #fff3e0; color: var(--warn); }

/* The mention stream: filters, chips, and reply / assign on an item. */
.stream-filters .row { align-items: end; }
.stream-filters .grow { flex: 1 1 12rem; }
.stream-filters .grow input { width: 100%; }
.stream-filters details { margin-top: .5rem; }
.stream-filters summary { cursor: pointer; color: var(--brand); font-size: .9rem; }
.stream-chips { display: flex; flex-wrap: wrap; gap: .35rem .5rem; align-items: center; margin: 0 0 .5rem; }
.mention-foot a.badge.intent { color: var(--text); background: #ede7f6; }
.mention-triage { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin-top: .5rem; }
.mention-triage .button, .mention-triage button { font-size: .85rem; padding: .3rem .7rem; }
.assign-form { display: inline-flex; gap: .35rem; align-items: center; flex-wrap: wrap; }
.assign-form select { max-width: 16rem; font-size: .85rem; padding: .3rem .4rem; }

@media (max-width: 720px) {
  .head-actions { width: 100%; }
  .stream-filters .row > label, .stream-filters .row > label select, .stream-filters .row input { width: 100%; }
  .assign-form select { max-width: 100%; }
}
`;
