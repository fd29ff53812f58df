import type { LiveEvent as Announced } from '../../../core/live-events';

/**
 * What the live stream (/api/v1/live) sends, and `resync`: the stream (re)connected, so whatever happened
 * meanwhile is fetched once.
 */
export type LiveEvent = Announced | { type: 'resync' };

type Listener = (e: LiveEvent) => void;
const listeners: Listener[] = [];
const TYPES = ['conversation', 'reply', 'note', 'presence', 'ready'] as const;

let opened = false;

/**
 * Subscribes to the page's one live stream (opened by the first subscriber); returns the way to stop
 * listening (a conversation shown in the inbox's split view stops when another takes its place).
 */
export function live(fn: Listener): () => void {
  listeners.push(fn);
  const stop = () => {
    const at = listeners.indexOf(fn);
    if (at >= 0) listeners.splice(at, 1);
  };
  if (opened || typeof EventSource === 'undefined') return stop;
  opened = true;
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
        for (const l of [...listeners]) l({ type: 'resync' });
        return;
      }
      for (const l of [...listeners]) l(data);
    });
  }
  source.onerror = () => root.setAttribute('data-live', 'reconnecting');
  root.setAttribute('data-live', 'connecting');
  return stop;
}
