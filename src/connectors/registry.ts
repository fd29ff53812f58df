import type { Platform } from '../core/platforms';
import { blueskyConnector } from './bluesky/bluesky.connector';
import { demoConnector } from './demo/demo.connector';
import { facebookConnector } from './meta/facebook.connector';
import { instagramConnector } from './meta/instagram.connector';
import { threadsConnector } from './meta/threads.connector';
import { hackernewsConnector } from './hackernews/hackernews.connector';
import { mastodonConnector } from './mastodon/mastodon.connector';
import { redditConnector } from './reddit/reddit.connector';
import { rssConnector } from './rss/rss.connector';
import type { Connector } from './types';
import { xConnector } from './x/x.connector';

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
  demo: demoConnector,
});

declare module '../http/env' {
  interface AppDeps {
    /** Platform connectors by name (tests hand in fakes). */
    connectors: ConnectorRegistry;
  }
}
