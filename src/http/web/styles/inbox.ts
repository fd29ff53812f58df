/** Rules for the inbox list, the split view and the conversation page; appended after the base stylesheet (styles.ts). */
export const INBOX_CSS = `
`;
