/** Rules for the reports dashboard and the digest; appended after the base stylesheet (styles.ts). */
export const REPORTS_CSS = `
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 1rem; margin: 1rem 0; }
.figures .card + .card { margin-top: 0; }
/* A figure's name, number and comparison each on a line of their own, whether the card is a link or not. */
.figure {
  display: flex; flex-direction: column; gap: .2rem; color: var(--text); min-width: 0; overflow-wrap: anywhere;
}
a.figure:hover { text-decoration: none; border-color: var(--brand); }
.figure-value { font-size: 1.8rem; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.chart-card picture { display: block; }
.chart-card > .page-head h2, #top-authors > .page-head h2 { margin-top: 0; }
.chart-img { display: block; width: 100%; height: auto; }
.report-grid {
  display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; margin-top: 1rem; align-items: start;
}
.report-grid .card + .card { margin-top: 0; }
.chart-data summary { cursor: pointer; color: var(--brand); margin-top: .5rem; }
.chart-empty { margin: .5rem 0 0; }
.report-filters { align-items: end; }
.terms-tables { grid-template-columns: repeat(3, minmax(0, 1fr)); margin-top: .5rem; }
.terms-tables caption { text-align: left; font-weight: 600; }
.authors-sort { display: flex; flex-wrap: wrap; gap: .25rem .75rem; margin: 0 0 .5rem; }
.authors-sort a[aria-current="true"] { color: var(--text); font-weight: 600; }
.digest-periods { margin-bottom: .5rem; }
@media (max-width: 720px) {
  .figures { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .6rem; }
  .figures .card { padding: .75rem; }
  .figure-value { font-size: 1.45rem; }
  .report-grid, .terms-tables { grid-template-columns: minmax(0, 1fr); }
  .chart-card { padding: .9rem; }
  .chart-data, .table-scroll { overflow-x: auto; }
}
`;
