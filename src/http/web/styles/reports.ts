/** Rules for the reports dashboard and the digest; appended after the base stylesheet (styles.ts). */
export const REPORTS_CSS = `
`;
