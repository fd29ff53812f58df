/** Rules for settings pages (topics, sources, users, workspace); appended after the base stylesheet (styles.ts). */
export const SETTINGS_CSS = `
details.confirm { display: inline-block; }
details.confirm > summary { list-style: none; display: inline-block; }
details.confirm > summary::-webkit-details-marker { display: none; }
summary.button.danger { background: #fff; color: var(--danger); border-color: #f0b4b4; }
details.confirm[open] > summary { background: #fdecea; }
.confirm-step {
  margin-top: .5rem; padding: .75rem; border: 1px solid #f0b4b4; border-radius: 8px; background: #fff8f7;
  max-width: 32rem; overflow-wrap: anywhere;
}
.confirm-step p { margin: 0 0 .6rem; }
a.danger-link { background: #fff; color: var(--danger); border-color: #f0b4b4; text-decoration: none; }
button.danger-solid { background: var(--danger); border-color: var(--danger); color: #fff; }
.flash.ok { overflow-wrap: anywhere; }
.topic-query { overflow-wrap: anywhere; }
.help-list { margin: .25rem 0 0; padding-left: 1.2rem; }
.help-list li + li { margin-top: .25rem; }
table.matrix td.mark { text-align: center; }
@media (max-width: 720px) {
  /* The role matrix stays a matrix, made to fit: smaller type, tight cells, permission names wrapping. */
  table.matrix th, table.matrix td { padding: .35rem .2rem; font-size: .78rem; }
  table.matrix th { text-transform: none; letter-spacing: 0; font-size: .7rem; }
  table.matrix th + th { white-space: nowrap; }
  table.matrix td:first-child { overflow-wrap: anywhere; }
  /* Tables marked as cards read as one card per row on a phone, each cell under its column's name. */
  table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
  table.cards tr { padding: .6rem 0; border-bottom: 1px solid var(--line); }
  table.cards td { border: 0; padding: .25rem 0; overflow-wrap: anywhere; }
  table.cards td[data-label]::before {
    content: attr(data-label); display: block; font-size: .75rem; text-transform: uppercase;
    letter-spacing: .03em; color: var(--muted);
  }
  table.cards td:empty { display: none; }
  table.cards form.inline { display: flex; flex-wrap: wrap; }
  table.cards form.inline select { width: auto; flex: 1 1 8rem; }
  table.cards button.secondary { white-space: nowrap; }
  .confirm-step form.inline, .confirm-step button { max-width: 100%; }
  .confirm-step { max-width: none; }
}
`;
