/**
 * Is this post on the platform the reply we sent? Platforms hand our text back changed: X shortens
 * links to t.co and may lead with the @names it replies to, Mastodon renders HTML and shows a
 * remote mention without its domain. Links and @mentions are set aside and spacing is evened out
 * before the words are compared; everything else must be the same.
 */
export function sameReplyText(posted: string, ours: string): boolean {
  const a = replyTextKey(posted);
  return a.length > 0 && a === replyTextKey(ours);
}

const URL_PATTERN = /\bhttps?:\/\/\S+/gi;
const MENTION_PATTERN = /(^|[^\w@])@[\w.-]+(?:@[\w-]+(?:\.[\w-]+)+)?/gu;

/** The words of a reply as compared: links as one token, no @mentions, single spaces. */
export function replyTextKey(text: string): string {
  return text
    .normalize('NFC')
    .replace(URL_PATTERN, ' \u0001 ')
    .replace(MENTION_PATTERN, '$1 ')
    .replace(/\s+/gu, ' ')
    .trim();
}
