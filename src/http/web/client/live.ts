/** What the live stream (/api/v1/live) sends, as the page scripts read it. */
export type LiveEvent =
  | { type: 'conversation'; id: string; change: 'created' | 'reopened' | 'updated' | 'new_message' }
  | { type: 'reply'; id: string; conversationId: string; status: string }
  | { type: 'note'; id: string; conversationId: string }
  | { type: 'presence'; conversationId: string; userId: string; name: string; state: 'viewing' | 'typing' | 'left' }
  /** The stream (re)connected: whatever happened meanwhile is fetched once. */
  | { type: 'resync' };

type Listener = (e: LiveEvent) => void;
const listeners: Listener[] = [];
const TYPES = ['conversation', 'reply', 'note', 'presence', 'ready'] as const;

/** Subscribes to the page's one live stream (opened by the first subscriber). */
export function live(fn: Listener): void {
  listeners.push(fn);
  if (listeners.length > 1 || typeof EventSource === 'undefined') return;
  const root = document.documentElement;
  const source = new EventSource('/api/v1/live');
  for (const type of TYPES) {
    source.addEventListener(type, (e) => {
      let data: LiveEvent;
      try {
        data = JSON.parse((e as MessageEvent<string>).data) as LiveEvent;
      } catch {
        return;
      }
      if (type === 'ready') {
        root.setAttribute('data-live', 'ready');
        for (const l of listeners) l({ type: 'resync' });
        return;
      }
      for (const l of listeners) l(data);
    });
  }
  source.onerror = () => root.setAttribute('data-live', 'reconnecting');
  root.setAttribute('data-live', 'connecting');
}
