/** Rules for settings pages (topics, sources, users, workspace); appended after the base stylesheet (styles.ts). */
export const SETTINGS_CSS = `
`;
