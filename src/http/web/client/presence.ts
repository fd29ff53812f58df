import { fill } from './messages';

/** Who else is on a conversation: a presence older than 30 s is gone. Pure, so it is tested alone. */
export interface Presence {
  name: string;
  state: 'viewing' | 'typing' | 'left';
  at: number;
}

const PRESENCE_TTL_MS = 30_000;

/** How a line reads, with a `{name}` slot: "{name} is viewing", in the viewer's language. */
export interface PresenceWords {
  typing: string;
  viewing: string;
}

/** The lines to show now; drops (from `present`) whoever left or was last heard of too long ago. */
export function presenceLines(present: Map<string, Presence>, now: number, words: PresenceWords): string[] {
  const lines: string[] = [];
  for (const [userId, p] of present) {
    if (now - p.at > PRESENCE_TTL_MS || p.state === 'left') {
      present.delete(userId);
      continue;
    }
    lines.push(fill(p.state === 'typing' ? words.typing : words.viewing, { name: p.name }));
  }
  return lines;
}
