/**
 * What the live inbox stream (/api/v1/live) carries: small events (ids and kinds), from which open pages
 * fetch what they show. Shared by the server, which announces them, and the browser script.
 */
export type LiveEvent =
  | { type: 'conversation'; id: string; change: 'created' | 'reopened' | 'updated' | 'new_message' }
  | { type: 'reply'; id: string; conversationId: string; status: string }
  | { type: 'note'; id: string; conversationId: string }
  | { type: 'presence'; conversationId: string; userId: string; name: string; state: 'viewing' | 'typing' | 'left' };
