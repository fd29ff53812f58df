/** Rules for contacts, duplicates and the mention stream; appended after the base stylesheet (styles.ts). */
export const CONTACTS_CSS = `
`;
