import type { Platform } from '../core/platforms';
import { appStoreConnector } from './app-store/app-store.connector';
import { googlePlayConnector } from './google-play/google-play.connector';
import { googleReviewsConnector } from './google-reviews/google-reviews.connector';
import { blueskyConnector } from './bluesky/bluesky.connector';
import { demoConnector } from './demo/demo.connector';
import { facebookConnector } from './meta/facebook.connector';
import { instagramConnector } from './meta/instagram.connector';
import { threadsConnector } from './meta/threads.connector';
import { hackernewsConnector } from './hackernews/hackernews.connector';
import { linkedinConnector } from './linkedin/linkedin.connector';
import { mastodonConnector } from './mastodon/mastodon.connector';
import { redditConnector } from './reddit/reddit.connector';
import { rssConnector } from './rss/rss.connector';
import type { Connector } from './types';
import { xConnector } from './x/x.connector';
import { youtubeConnector } from './youtube/youtube.connector';

/** Every connector by platform. Passed into the poller, so tests can hand in others. */
export type ConnectorRegistry = Partial<Record<Platform, Connector>>;

export const defaultConnectors = (): ConnectorRegistry => ({
  x: xConnector,
  mastodon: mastodonConnector,
  bluesky: blueskyConnector,
  reddit: redditConnector,
  hackernews: hackernewsConnector,
  rss: rssConnector,
  facebook: facebookConnector,
  instagram: instagramConnector,
  threads: threadsConnector,
  linkedin: linkedinConnector,
  youtube: youtubeConnector,
  google_reviews: googleReviewsConnector,
  app_store: appStoreConnector,
  google_play: googlePlayConnector,
  demo: demoConnector,
});

declare module '../http/env' {
  interface AppDeps {
    /** Platform connectors by name (tests hand in fakes). */
    connectors: ConnectorRegistry;
  }
}
