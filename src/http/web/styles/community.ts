/** Rules for the public board and the staff community pages; appended after the base stylesheet (styles.ts). */
export const COMMUNITY_CSS = `
`;
