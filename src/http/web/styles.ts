import { COMMUNITY_CSS } from './styles/community';
import { CONTACTS_CSS } from './styles/contacts';
import { CONVERSATION_CSS } from './styles/conversation';
import { INBOX_CSS } from './styles/inbox';
import { REPORTS_CSS } from './styles/reports';
import { SETTINGS_CSS } from './styles/settings';

/**
 * The one stylesheet, kept as a module so the Worker bundle carries it (Workers have no file system).
 * Served at /static/app.css with a long cache; its hash is in the URL.
 */
const BASE = `
:root {
  --bg: #f6f7f9; --panel: #fff; --text: #1c2430; --muted: #5d6b7e; --line: #e2e6ec;
  --brand: #3d5afe; --brand-ink: #fff; --danger: #c62828; --ok: #2e7d32; --warn: #b26a00;
  --radius: 10px; --shadow: 0 1px 2px rgba(16,24,40,.06), 0 1px 3px rgba(16,24,40,.08);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--text); background: var(--bg);
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; line-height: 1.5; }
a { color: var(--brand); text-decoration: none; }
a:hover { text-decoration: underline; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .75rem; }
.muted { color: var(--muted); }
.shell { display: grid; grid-template-columns: 220px minmax(0, 1fr); min-height: 100vh; }
.sidebar {
  background: #111827; color: #d1d5db; padding: 1rem .75rem; display: flex; flex-direction: column; gap: .25rem;
}
.sidebar .brand { color: #fff; font-weight: 700; font-size: 1.05rem; padding: .25rem .5rem 1rem; }
.sidebar nav { display: flex; flex-direction: column; gap: .15rem; }
.sidebar nav a { color: #d1d5db; padding: .5rem .65rem; border-radius: 8px; }
.sidebar nav a:hover { background: #1f2937; text-decoration: none; }
.sidebar nav a[aria-current="page"] { background: var(--brand); color: var(--brand-ink); }
.sidebar .notif-link { color: #d1d5db; padding: .5rem .65rem; margin-top: auto; }
.sidebar .notif-link .badge.count { background: var(--danger); color: #fff; }
.conv-row.unread { border-left-color: var(--brand); }
.sidebar .who { font-size: .85rem; padding: .5rem; border-top: 1px solid #374151; }
.sidebar .who form { margin-top: .35rem; }
.sidebar .who button { background: transparent; border: 1px solid #4b5563; color: #e5e7eb; }
main { padding: 1.5rem 2rem; max-width: 1100px; width: 100%; }
main:focus { outline: none; }
.skip-link {
  position: absolute; left: .5rem; top: -3rem; z-index: 10; background: var(--panel); padding: .5rem .75rem;
}
.skip-link:focus { top: .5rem; outline: 2px solid var(--brand); }
.card {
  overflow-x: auto; background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius);
  box-shadow: var(--shadow); padding: 1.25rem;
}
.card + .card { margin-top: 1rem; }
.card > h2:first-child { margin-top: 0; }
.empty { text-align: center; padding: 3rem 1rem; color: var(--muted); }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: .6rem .5rem; border-bottom: 1px solid var(--line); vertical-align: middle; }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
form.inline { display: inline-flex; gap: .4rem; align-items: center; margin: 0; }
.stack { display: flex; flex-direction: column; gap: .85rem; }
.row { display: flex; gap: .75rem; flex-wrap: wrap; align-items: end; }
.review-stars { color: #b45309; letter-spacing: .1em; }
.inline-list { list-style: none; padding: 0; margin: 0 0 .5rem; display: flex; gap: .25rem 1rem; flex-wrap: wrap; }
label { display: flex; flex-direction: column; gap: .3rem; font-size: .9rem; font-weight: 500; }
input, select, textarea {
  font: inherit; padding: .5rem .65rem; border: 1px solid #cbd2dc; border-radius: 8px; background: #fff; min-width: 0;
}
input:focus, select:focus, textarea:focus { outline: 2px solid var(--brand); outline-offset: 1px; }
button, .button {
  font: inherit; cursor: pointer; padding: .5rem .9rem; border-radius: 8px; border: 1px solid var(--brand);
  background: var(--brand); color: var(--brand-ink);
}
button.secondary { background: #fff; color: var(--text); border-color: #cbd2dc; }
button.danger { background: #fff; color: var(--danger); border-color: #f0b4b4; }
.badge {
  display: inline-block; padding: .1rem .5rem; border-radius: 999px; font-size: .78rem; background: #eef1f6;
  color: var(--muted);
}
.badge.owner { background: #ede7f6; color: #4527a0; } .badge.admin { background: #e3f2fd; color: #1565c0; }
.badge.agent { background: #e8f5e9; color: var(--ok); } .badge.analyst { background: #fff3e0; color: var(--warn); }
.flash { padding: .75rem 1rem; border-radius: 8px; margin-bottom: 1rem; border: 1px solid; }
.flash.error { background: #fdecea; border-color: #f5c2c0; color: #8e1b1b; }
.flash.ok { background: #edf7ed; border-color: #b7dfb9; color: #1e4620; }
.secret {
  font-family: ui-monospace, SFMono-Regular, Menlo, monospace; background: #111827; color: #e5e7eb;
  padding: .6rem .8rem; border-radius: 8px; word-break: break-all;
}
.auth { min-height: 100vh; display: grid; place-items: center; padding: 1rem; }
.auth .card { width: 100%; max-width: 400px; }
.auth h1 { text-align: center; }
.tabs { display: flex; flex-wrap: wrap; gap: .25rem .5rem; margin-bottom: 1rem; border-bottom: 1px solid var(--line); }
.tabs a { padding: .5rem .75rem; color: var(--muted); border-bottom: 2px solid transparent; }
.tabs a[aria-current="page"] { color: var(--text); border-color: var(--brand); }
ol.mentions { list-style: none; padding: 0; margin: 1rem 0; display: flex; flex-direction: column; gap: .6rem; }
.mention { padding: .9rem 1.1rem; }
.mention + .mention { margin-top: 0; }
.mention-head { display: flex; gap: .5rem; align-items: baseline; flex-wrap: wrap; font-size: .92rem; }
.mention-head time { margin-left: auto; }
.mention-title { font-weight: 600; margin-top: .35rem; }
.mention-text { margin: .4rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.mention-foot { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; font-size: .85rem; }
.mention-foot a.badge { color: var(--brand); }
.platform-x { background: #111827; color: #fff; } .platform-mastodon { background: #ede7f6; color: #5e35b1; }
.platform-bluesky { background: #e3f2fd; color: #1565c0; } .platform-reddit { background: #fff3e0; color: #e65100; }
.platform-hackernews { background: #fff3e0; color: #ff6600; } .platform-rss { background: #fff8e1; color: #8d6e00; }
a.button, a.secondary-link { display: inline-block; text-decoration: none; }
a.secondary-link { background: #fff; color: var(--text); border-color: #cbd2dc; }
.narrow { max-width: 560px; }
.grow { flex: 1 1 280px; }
.small { font-size: .82rem; }
label.check { flex-direction: row; align-items: center; gap: .5rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1.25rem; margin: 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
progress { width: min(320px, 100%); height: .9rem; vertical-align: middle; }
code {
  font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .88em; background: #f1f3f7;
  padding: .1rem .3rem; border-radius: 4px; overflow-wrap: anywhere;
}
.health-ok { background: #e8f5e9; color: var(--ok); } .health-degraded { background: #fff3e0; color: var(--warn); }
.health-failing { background: #fdecea; color: var(--danger); }
.health-paused { background: #eef1f6; color: var(--muted); }
.page-head { display: flex; gap: .75rem; align-items: baseline; flex-wrap: wrap; justify-content: space-between; }
.page-head h1 { overflow-wrap: anywhere; min-width: 0; }
.card.flush { padding: .25rem .5rem; }
.filters { display: flex; flex-direction: column; gap: .75rem; }
.segment-tools { justify-content: space-between; margin-top: 1rem; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.name-cell { overflow-wrap: anywhere; }
.handles { display: inline-flex; flex-wrap: wrap; gap: .25rem .6rem; }
.handle { white-space: nowrap; font-size: .88rem; }
.pager { display: flex; justify-content: space-between; margin: 1rem 0; }
.contact-grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; margin-bottom: 1rem; }
.contact-grid > .card + .card { margin-top: 0; }
.score { display: flex; align-items: baseline; gap: .35rem; margin-bottom: .5rem; }
.score-value { font-size: 2.25rem; font-weight: 700; line-height: 1; }
ul.reasons, ul.plain { list-style: none; padding: 0; margin: 0 0 1rem; }
ul.reasons li { padding: .2rem 0; display: grid; grid-template-columns: 2.6rem minmax(0, 1fr); }
.filters summary { cursor: pointer; color: var(--brand); font-size: .9rem; }
.filters details .row { margin-top: .75rem; }
.points { font-weight: 600; font-variant-numeric: tabular-nums; }
.points.plus { color: var(--ok); } .points.minus { color: var(--danger); }
.badge.verified { background: #e3f2fd; color: #1565c0; } .badge.note { background: #fff8e1; color: #8d6e00; }
.sentiment-positive { background: #e8f5e9; color: var(--ok); }
.sentiment-negative { background: #fdecea; color: var(--danger); }
.sentiment-neutral { background: #eef1f6; color: var(--muted); }
.sentiment-unscored { background: #f6f7f9; color: var(--muted); }
.sentiment-uncertain { background: #fff; border: 1px dashed currentColor; }
details.why { margin-top: .35rem; } details.why summary { cursor: pointer; color: var(--brand); }
.why-body { margin-top: .35rem; overflow-wrap: anywhere; }
.why-explained.stack { gap: .35rem; } .why-explained p { margin: 0; }
ul.why-words { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .25rem .9rem; }
figure.chart { margin: 0; }
svg.spark {
  display: block; width: 100%; height: 110px; background: #fafbfc; border: 1px solid var(--line); border-radius: 8px;
}
svg.spark .bar-positive { fill: #43a047; }
svg.spark .bar-negative { fill: #e53935; }
svg.spark .bar-neutral { fill: #90a4ae; }
svg.spark .zero { stroke: #b0bac6; stroke-width: 1; }
figure.chart figcaption {
  display: flex; justify-content: space-between; gap: .5rem; flex-wrap: wrap; margin-top: .3rem;
}
li.similar {
  display: flex; gap: .75rem; justify-content: space-between; align-items: center; flex-wrap: wrap; padding: .6rem 0;
  border-bottom: 1px solid var(--line);
}
li.similar > div { min-width: 0; overflow-wrap: anywhere; }
h3 { font-size: 1rem; margin: 1rem 0 .5rem; }
ol.timeline { list-style: none; padding: 0; margin: 1rem 0 0; }
.tl-item { padding: .75rem 0; border-top: 1px solid var(--line); }
.tl-note { background: #fffdf5; padding-left: .5rem; padding-right: .5rem; }
.note-form textarea { width: 100%; }
.suggestion-head { display: flex; gap: .5rem; align-items: baseline; flex-wrap: wrap; margin-bottom: .75rem; }
.side-by-side { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; }
.side { border: 1px solid var(--line); border-radius: 8px; padding: .75rem; min-width: 0; }
.side-head {
  display: flex; gap: .5rem; align-items: baseline; flex-wrap: wrap; margin-bottom: .4rem; overflow-wrap: anywhere;
}
.side dl.facts { margin-top: .5rem; }
.merge-form { margin-top: 1rem; }
fieldset.choices { border: 0; padding: 0; margin: 0; display: flex; gap: .4rem 1.25rem; flex-wrap: wrap; }
fieldset.choices legend { font-weight: 600; font-size: .9rem; margin-bottom: .3rem; padding: 0; }
table.choose td, table.choose th[scope=row] { overflow-wrap: anywhere; }
table.choose label.check { font-weight: 400; }
ol.conversations { list-style: none; padding: 0; margin: .75rem 0; display: flex; flex-direction: column; gap: .5rem; }
.conv-row {
  display: flex; gap: .75rem; align-items: flex-start; padding: .75rem 1rem; border-left: 4px solid transparent;
}
.conv-row + .conv-row { margin-top: 0; }
.conv-row > input[type=checkbox] { margin-top: .35rem; }
.conv-row.overdue { border-left-color: var(--danger); }
.conv-row.kbd-selected { outline: 2px solid var(--brand); outline-offset: 1px; }
.conv-main { min-width: 0; flex: 1; }
.conv-head, .conv-foot, .tl-head, .tl-foot, .conv-meta {
  display: flex; gap: .45rem; align-items: baseline; flex-wrap: wrap;
}
.conv-head time { margin-left: auto; }
.conv-author { overflow-wrap: anywhere; }
.conv-subject { display: block; margin: .25rem 0; color: var(--text); overflow-wrap: anywhere; }
.conv-foot { font-size: .85rem; }
.bulk-bar { align-items: end; padding: .6rem .9rem; margin: .75rem 0 0; }
.badge.count { background: #e8ebf2; color: var(--text); font-variant-numeric: tabular-nums; }
.priority-urgent { background: #c62828; color: #fff; } .priority-high { background: #fdecea; color: var(--danger); }
.priority-normal { background: #eef1f6; color: var(--muted); } .priority-low { background: #f6f7f9; color: #8a96a8; }
.status-open { background: #e3f2fd; color: #1565c0; } .status-pending { background: #fff8e1; color: #8d6e00; }
.status-snoozed { background: #ede7f6; color: #5e35b1; }
.status-closed { background: #e8f5e9; color: var(--ok); }
.status-spam { background: #eceff1; color: #455a64; }
.badge.sla-overdue { background: var(--danger); color: #fff; }
.badge.sla-due { background: #fff3e0; color: var(--warn); }
.badge.intent { background: #f3e5f5; color: #6a1b9a; }
.badge.tag { background: #e0f2f1; color: #00695c; }
.badge.topic { background: #e8eaf6; color: #283593; }
.conv-title { overflow-wrap: anywhere; }
.conv-meta { margin-bottom: .5rem; }
.presence { min-height: 1.5em; margin: .25rem 0 .75rem; color: var(--warn); font-weight: 500; }
.conversation-grid {
  display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; align-items: start;
}
.conversation-grid aside .card + .card { margin-top: 1rem; }
ol.thread { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-direction: column; gap: .5rem; }
.tl-item {
  background: var(--panel); border: 1px solid var(--line); border-radius: var(--radius); padding: .75rem 1rem;
}
.tl-item.reply { background: #f3f6ff; border-color: #c9d4ff; margin-left: 2rem; }
.tl-item.note { background: #fffbea; border-color: #f3e3a2; margin-left: 2rem; }
.tl-item.reply-failed, .tl-item.reply.reply-failed { border-color: #f5c2c0; background: #fff6f5; }
.tl-text { margin: .35rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.tl-event { padding: 0 1rem; }
.badge.reply-badge { background: var(--brand); color: #fff; }
.reply-status-queued, .reply-status-sending { background: #fff3e0; color: var(--warn); }
.reply-status-sent { background: #e8f5e9; color: var(--ok); }
.reply-status-failed { background: var(--danger); color: #fff; }
.error-text { color: var(--danger); margin: .35rem 0; overflow-wrap: anywhere; }
details.correct { margin-top: .35rem; } details.correct summary { cursor: pointer; color: var(--brand); }
details.correct form { margin-top: .5rem; }
.original-post { margin: 0 0 .75rem; padding: .5rem .75rem; border-left: 3px solid #cbd2dc; background: #f7f9fb; }
.original-post blockquote { margin: .25rem 0 0; }
.moderation { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .4rem; }
.composer textarea, .note-form textarea { width: 100%; }
.composer-foot { justify-content: space-between; align-items: center; }
#reply-count { font-variant-numeric: tabular-nums; color: var(--muted); }
#reply-count.over { color: var(--danger); font-weight: 600; }
.saved-replies { margin-top: .75rem; }
.quick-actions { margin-bottom: .75rem; }
.author-name {
  font-weight: 600; font-size: 1.05rem; display: flex; gap: .5rem; align-items: baseline; flex-wrap: wrap;
  overflow-wrap: anywhere;
}
.author-card dl.facts { margin: .5rem 0; }
li.other-conv { padding: .25rem 0; overflow-wrap: anywhere; }
dialog { border: 1px solid var(--line); border-radius: var(--radius); padding: 1.25rem; max-width: min(480px, 92vw); }
dialog::backdrop { background: rgba(17, 24, 39, .4); }
kbd {
  font-family: ui-monospace, SFMono-Regular, Menlo, monospace; background: #f1f3f7; border: 1px solid #cbd2dc;
  border-bottom-width: 2px; border-radius: 4px; padding: 0 .3rem; font-size: .85em;
}
@media (max-width: 720px) {
  .conversation-grid { grid-template-columns: minmax(0, 1fr); }
  .tl-item.reply, .tl-item.note { margin-left: .75rem; }
  .conv-head time { margin-left: 0; }
  .community-main { padding: 1rem; }
  .community-member { margin-left: 0; }
  .roadmap { grid-template-columns: minmax(0, 1fr); }
}
.community-head {
  display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; padding: .75rem 1.5rem; background: #fff;
  border-bottom: 1px solid var(--line);
}
.community-name { font-weight: 700; color: var(--text); font-size: 1.05rem; }
.community-head nav { display: flex; gap: .25rem .75rem; flex-wrap: wrap; }
.community-head nav a { color: var(--muted); padding: .25rem .1rem; border-bottom: 2px solid transparent; }
.community-head nav a[aria-current="page"] { color: var(--text); border-color: var(--brand); }
.community-member { margin-left: auto; display: flex; gap: .6rem; align-items: center; }
.avatar {
  display: inline-grid; place-items: center; width: 2rem; height: 2rem; border-radius: 50%; background: var(--brand);
  color: #fff; font-weight: 600; font-size: .85rem;
}
.avatar:hover { text-decoration: none; }
.community-main { max-width: 960px; margin: 0 auto; padding: 1.5rem; }
ol.ideas { list-style: none; padding: 0; margin: 1rem 0; display: flex; flex-direction: column; gap: .5rem; }
.idea-row { display: flex; gap: .9rem; align-items: flex-start; }
.idea-row + .idea-row { margin-top: 0; }
.idea-main { min-width: 0; flex: 1; }
.idea-title { font-weight: 600; color: var(--text); overflow-wrap: anywhere; }
.idea-meta { display: flex; gap: .4rem .6rem; flex-wrap: wrap; align-items: baseline; margin-top: .25rem; }
.idea-head { display: flex; gap: 1rem; align-items: flex-start; }
.idea-head h1 { margin: 0 0 .25rem; overflow-wrap: anywhere; }
.idea-body, .comment p, .review p { white-space: pre-wrap; overflow-wrap: anywhere; }
button.vote, a.vote {
  display: inline-flex; flex-direction: column; align-items: center; min-width: 3.2rem; padding: .35rem .5rem;
  border-radius: 8px; border: 1px solid #cbd2dc; background: #fff; color: var(--text); font-weight: 600;
  line-height: 1.2;
}
button.vote.voted { background: var(--brand); color: #fff; border-color: var(--brand); }
.status-note {
  background: #f3f6ff; border-left: 3px solid var(--brand); padding: .6rem .8rem; margin: .75rem 0; border-radius: 6px;
  overflow-wrap: anywhere;
}
ol.comments { list-style: none; padding: 0; margin: 0 0 1rem; }
.comment { padding: .6rem 0; border-bottom: 1px solid var(--line); }
.roadmap { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 1rem; align-items: start; }
.roadmap .card + .card { margin-top: 0; }
.roadmap-item { padding: .4rem 0; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
.idea-open { background: #eef1f6; color: var(--muted); } .idea-under_review { background: #fff8e1; color: #8d6e00; }
.idea-planned { background: #e3f2fd; color: #1565c0; } .idea-in_progress { background: #ede7f6; color: #5e35b1; }
.idea-shipped { background: #e8f5e9; color: var(--ok); } .idea-declined { background: #fdecea; color: var(--danger); }
.stars { color: #f5a623; letter-spacing: .05em; }
table.distribution th { width: 3.5rem; text-transform: none; }
table.distribution meter { width: 100%; }
.similar-ideas:empty { display: none; }
.similar-ideas { background: #fffdf5; border: 1px solid #f3e3a2; border-radius: 8px; padding: .5rem .75rem; }
ol.plain { list-style: none; padding: 0; margin: 0; }
ol.plain > li.card + li.card { margin-top: .5rem; }
li.unread { border-left: 4px solid var(--brand); }
@media (max-width: 720px) {
  .shell { grid-template-columns: minmax(0, 1fr); }
  .row > label, .row input, .row select { width: 100%; }
  .sidebar { flex-direction: row; align-items: center; flex-wrap: wrap; padding: .5rem; }
  .sidebar .brand { padding: .25rem .5rem; }
  .sidebar nav { flex-direction: row; flex-wrap: wrap; }
  .sidebar .who { margin: 0 0 0 auto; border: 0; }
  main { padding: 1rem; }
  .hide-narrow { display: none; }
  .contact-grid, .side-by-side { grid-template-columns: minmax(0, 1fr); }
}
@media print {
  .sidebar, .bulk-bar, .composer, .note-form, #triage, .report-filters, a[download] { display: none; }
  .shell { display: block; }
  .chart-card, .figures { break-inside: avoid; }
  details.chart-data > table { display: none; }
}
`;

/**
 * Each area's rules come after the base (later rules win at equal specificity), each file with its own
 * phone rules at its end, so a change to one area's look touches one file.
 */
export const STYLESHEET = [
  BASE,
  INBOX_CSS,
  CONVERSATION_CSS,
  CONTACTS_CSS,
  COMMUNITY_CSS,
  SETTINGS_CSS,
  REPORTS_CSS,
].join('\n');
