import type { LiveEvent as Announced } from '../../../core/live-events';

/**
 * What the live stream (/api/v1/live) sends, and `resync`: the stream (re)connected, so whatever happened
 * meanwhile is fetched once.
 */
export type LiveEvent = Announced | { type: 'resync' };

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
