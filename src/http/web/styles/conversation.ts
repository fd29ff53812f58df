/** Rules for the conversation page (also shown in the inbox split view); appended after the base. */
export const CONVERSATION_CSS = `
`;
