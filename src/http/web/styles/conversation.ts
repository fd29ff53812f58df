/** Rules for the conversation page (also shown in the inbox split view); appended after the base. */
export const CONVERSATION_CSS = `
.triage .triage-control + .triage-control { margin-top: .75rem; }
.triage-control.stack { gap: .35rem; }
.triage-control .control-foot { display: flex; gap: .6rem; align-items: center; flex-wrap: wrap; }
.triage-control .control-foot:empty { display: none; }
.control-status { color: var(--ok); min-height: 1.2em; }
.control-status.error-text { color: var(--danger); }
/* With the script a select saves itself when chosen: its button is for pages without script. */
[data-triage-live] .control-save { display: none; }
.triage-control[aria-busy="true"] { opacity: .7; }
.quick-actions { align-items: flex-start; }
.quick-actions form { margin: 0; gap: .5rem; }
.snooze-menu { position: relative; }
.snooze-menu > summary { list-style: none; display: inline-block; }
.snooze-menu > summary::-webkit-details-marker { display: none; }
.snooze-menu > summary::after { content: " ▾"; }
.snooze-menu[open] > summary { border-color: var(--brand); }
.snooze-menu .menu-panel {
  position: absolute; right: 0; z-index: 5; margin-top: .35rem; width: min(18rem, 80vw); padding: .75rem;
  background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: var(--shadow);
  display: flex; flex-direction: column; gap: .75rem;
}
.snooze-menu .menu-title { margin: 0; }
.snooze-menu .menu-item { text-align: left; }
.snooze-menu input[type=datetime-local] { width: 100%; }
#reply-over:empty { display: none; }
#reply-over { margin: 0; flex: 1 1 12rem; }
#reply-send:disabled { opacity: .5; cursor: not-allowed; }
@media (max-width: 720px) {
  .snooze-menu .menu-panel { position: static; width: 100%; margin-top: .5rem; }
  .snooze-menu { flex: 1 1 100%; }
}
`;
