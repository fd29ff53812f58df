import type { Child } from 'hono/jsx';
import type { MessageDescriptor } from '../../core/i18n/translator';
import { useT } from './i18n';
import { web } from './messages';

/** Small display helpers shared by the pages that show posts and people. */

export const PLATFORM_LABELS: Record<string, string> = {
  x: 'X',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  reddit: 'Reddit',
  hackernews: 'Hacker News',
  rss: 'RSS',
  facebook: 'Facebook',
  instagram: 'Instagram',
  threads: 'Threads',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  google_reviews: 'Google Reviews',
  app_store: 'App Store',
  google_play: 'Google Play',
  import: 'Import',
  demo: 'Demo',
  community: 'Community',
};

// The names that are words rather than brands are said in the viewer's language.
const PLATFORM_WORDS: Record<string, MessageDescriptor> = {
  google_reviews: web.platformGoogleReviews,
  import: web.platformImport,
  community: web.platformCommunity,
};

export const platformLabel = (p: string) => {
  const word = PLATFORM_WORDS[p];
  return word ? useT().t(word) : (PLATFORM_LABELS[p] ?? p);
};

/** 1234 -> "1.2K" ("1234" in German): audiences at a glance, in the viewer's locale. */
export const compact = (n: number | null) => (n === null ? '' : useT().compact(n));

export const PlatformBadge = (props: { platform: string }) => (
  <span class={`badge platform-${props.platform}`}>{platformLabel(props.platform)}</span>
);

/** Only http(s) links from the internet become hrefs (no javascript:, data: ...). */
export const safeHttpUrl = (url: string | null | undefined) => (url && /^https?:\/\//i.test(url) ? url : null);

/**
 * One post from outside, in a list: where and who (plus `children`, the facts a page adds), a link to the original
 * when it is http(s), then the text.
 */
export const PostItem = (props: {
  platform: string;
  author: string;
  url: string | null | undefined;
  text: string;
  testid?: string;
  children?: Child;
}) => {
  const url = safeHttpUrl(props.url);
  return (
    <li class="tl-item" data-testid={props.testid}>
      <div class="small muted">
        {platformLabel(props.platform)} · {props.author}
        {props.children}
        {url ? (
          <>
            {' '}
            ·{' '}
            <a href={url} rel="noopener noreferrer nofollow" target="_blank">
              {useT().t(web.original)}
            </a>
          </>
        ) : null}
      </div>
      <p class="tl-text" dir="auto">
        {props.text}
      </p>
    </li>
  );
};
