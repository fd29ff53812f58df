/**
 * Spam rules for member posts, pure: a post is held for a moderator when it carries many links,
 * any link from an account younger than a day, or the same text the member posted recently.
 */
export interface SpamInput {
  text: string;
  memberCreatedAt: Date;
  /** The member's posts of the last day, any kind. */
  recentTexts: string[];
  now: Date;
}

const LINK = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.[a-z]{2,}/gi;
const DAY_MS = 86_400_000;
const normalise = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

export function spamFlags(p: SpamInput): string[] {
  const flags: string[] = [];
  const links = p.text.match(LINK)?.length ?? 0;
  const young = p.now.getTime() - p.memberCreatedAt.getTime() < DAY_MS;
  if (links >= 3) flags.push('links');
  else if (links > 0 && young) flags.push('links', 'new_account');
  const text = normalise(p.text);
  if (text.length > 0 && p.recentTexts.some((r) => normalise(r) === text)) flags.push('repeat');
  return flags;
}
