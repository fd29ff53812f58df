/** Rules for the public board and the staff community pages; appended after the base stylesheet (styles.ts). */
export const COMMUNITY_CSS = `
button.vote, a.vote { gap: .05rem; min-width: 3.6rem; }
a.vote:hover { text-decoration: none; border-color: var(--brand); }
.vote-count { font-size: 1.05rem; font-variant-numeric: tabular-nums; }
.vote-word { font-size: .72rem; font-weight: 500; }
.own-vote { margin: .25rem 0 0; }
.suggestion-why, .suggestion-match { margin: .35rem 0; overflow-wrap: anywhere; }
.suggestion-match { padding-left: .6rem; border-left: 3px solid var(--line); }
.suggestion-match.match-close { border-left-color: var(--ok); }
.suggestion-match.match-partial { border-left-color: var(--warn); }
.suggestion-actions { margin-top: .5rem; }
/* The queue's forms line up by their buttons, with no margin of their own. */
.suggestion-actions form { margin: 0; }
.suggestion-actions select { max-width: 100%; }
@media (max-width: 720px) {
  .suggestion-actions, .suggestion-actions form.row { flex-direction: column; align-items: stretch; }
  .suggestion-actions select, .suggestion-actions input { width: 100%; }
}
`;
