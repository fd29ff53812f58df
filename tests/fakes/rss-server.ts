import { createHash } from 'node:crypto';
import { type FakeRequest, type FakeResponse, type FakeServer, startFakeServer } from './fake-http';

/**
 * A fake feed host serving real documents: RSS 2.0 (with dc:, content:, slash: and atom:self as
 * WordPress writes them), Atom 1.0 (RFC 4287), and Google Alerts' Atom flavour (type="html" titles
 * with <b> highlights, links wrapped in google.com/url?...&url=, empty <author><name/>). Answers
 * conditional GETs like a web server: strong ETag and Last-Modified, 304 on If-None-Match (which
 * wins, RFC 9110 §13.2.2) or on If-Modified-Since; 401 with WWW-Authenticate for Basic-auth feeds.
 */
export interface FakeFeedItem {
  /** <guid> / <id>; left out when absent. */
  guid?: string;
  guidIsPermaLink?: boolean;
  /** Text (escaped into the XML); in a Google Alerts feed this is HTML, as Google sends it. */
  title?: string;
  /** Inserted verbatim, for entities exactly as a feed writes them (It&#8217;s &amp; co). */
  titleXml?: string;
  link?: string;
  /** RSS <description> in CDATA; Atom <content type="html">. */
  html?: string;
  /** RSS <content:encoded> in CDATA (WordPress full text). */
  contentHtml?: string;
  author?: string;
  /** null: the item carries no date at all. */
  date?: Date | null;
  comments?: number;
}

export type FakeFeedFormat = 'rss' | 'atom' | 'google-alerts';

export interface FakeFeed {
  format: FakeFeedFormat;
  title: string;
  /** Newest first, as feeds list them. */
  items: FakeFeedItem[];
  lastModified: Date;
  /** false: a server that sends neither ETag nor Last-Modified and never answers 304. */
  conditional: boolean;
  basicAuth?: { username: string; password: string };
}

export interface FakeRss extends FakeServer {
  feeds: Map<string, FakeFeed>;
  /** Creates (or resets) the feed at path; returns its absolute URL. */
  addFeed(path: string, opts: Partial<Omit<FakeFeed, 'items'>> & { format: FakeFeedFormat }): string;
  /** Publishes a new item at the top of the feed and moves Last-Modified forward. */
  addItem(path: string, item: FakeFeedItem): FakeFeedItem;
  /** How many requests for path were answered 304. */
  notModifiedCount(path: string): number;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const rfc3339 = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
/** Google leaves the real URL readable and only escapes what would break its own query string. */
const googleWrap = (url: string) =>
  `https://www.google.com/url?rct=j&sa=t&url=${url.replace(/[%?&=#+]/g, (c) => encodeURIComponent(c))}` +
  '&ct=ga&cd=CAIyGjE4ZjQ&usg=AOvVaw0fake';

const RSS_NAMESPACES = [
  'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:atom="http://www.w3.org/2005/Atom"',
  'xmlns:slash="http://purl.org/rss/1.0/modules/slash/"',
].join(' ');

function rss(feed: FakeFeed, self: string): string {
  const items = feed.items.map((i) =>
    [
      '<item>',
      i.titleXml !== undefined
        ? `<title>${i.titleXml}</title>`
        : i.title !== undefined
          ? `<title>${esc(i.title)}</title>`
          : '',
      i.link ? `<link>${esc(i.link)}</link>` : '',
      i.date ? `<pubDate>${i.date.toUTCString()}</pubDate>` : '',
      i.author ? `<dc:creator>${cdata(i.author)}</dc:creator>` : '',
      i.guid !== undefined ? `<guid isPermaLink="${i.guidIsPermaLink ?? false}">${esc(i.guid)}</guid>` : '',
      i.html !== undefined ? `<description>${cdata(i.html)}</description>` : '',
      i.contentHtml !== undefined ? `<content:encoded>${cdata(i.contentHtml)}</content:encoded>` : '',
      i.comments !== undefined ? `<slash:comments>${i.comments}</slash:comments>` : '',
      '</item>',
    ].join('\n\t\t'),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" ${RSS_NAMESPACES}>
<channel>
	<title>${esc(feed.title)}</title>
	<atom:link href="${esc(self)}" rel="self" type="application/rss+xml" />
	<link>https://blog.example/</link>
	<description>Fake feed for tests</description>
	<lastBuildDate>${feed.lastModified.toUTCString()}</lastBuildDate>
	<language>en-US</language>
	<generator>https://wordpress.org/?v=6.5</generator>
	${items.join('\n\t')}
</channel>
</rss>
`;
}

function atom(feed: FakeFeed, self: string): string {
  const google = feed.format === 'google-alerts';
  const entries = feed.items.map((i) => {
    const date = i.date ? rfc3339(i.date) : null;
    const title = i.titleXml ?? esc(i.title ?? '');
    return [
      '<entry>',
      i.guid !== undefined ? `<id>${esc(i.guid)}</id>` : '',
      `<title type="${google ? 'html' : 'text'}">${title}</title>`,
      i.link
        ? `<link href="${esc(google ? googleWrap(i.link) : i.link)}"` +
          `${google ? '' : ' rel="alternate" type="text/html"'}></link>`
        : '',
      date ? `<published>${date}</published>\n<updated>${date}</updated>` : '',
      i.html !== undefined ? `<content type="html">${esc(i.html)}</content>` : '',
      google
        ? '<author><name></name></author>'
        : i.author
          ? `<author><name>${esc(i.author)}</name>` +
            `<uri>https://blog.example/authors/${encodeURIComponent(i.author)}</uri></author>`
          : '',
      '</entry>',
    ].join('\n');
  });
  const id = google
    ? 'tag:google.com,2005:reader/user/06807031914929345698/state/com.google/alerts/10863422483357376409'
    : 'urn:uuid:60a76c80-d399-11d9-b93c-0003939e0af6';
  const indexing = google ? ' xmlns:idx="urn:atom-extension:indexing"' : '';
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"${indexing}>
<id>${id}</id>
<title>${esc(feed.title)}</title>
<link href="${esc(self)}" rel="self"></link>
<updated>${rfc3339(feed.lastModified)}</updated>
${entries.join('\n')}
</feed>
`;
}

/** HTTP dates have whole seconds: compare at that precision. */
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

export async function startFakeRss(): Promise<FakeRss> {
  const feeds = new Map<string, FakeFeed>();
  const notModified = new Map<string, number>();
  let base = '';

  function serve(req: FakeRequest): FakeResponse {
    const feed = feeds.get(req.path);
    if (!feed)
      return {
        status: 404,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        raw: '<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>',
      };
    if (feed.basicAuth) {
      const { username, password } = feed.basicAuth;
      const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
      if (req.headers.authorization !== expected) {
        return {
          status: 401,
          headers: { 'www-authenticate': 'Basic realm="Private feed"', 'content-type': 'text/html; charset=utf-8' },
          raw: '<html><body>401 Authorization Required</body></html>',
        };
      }
    }
    const self = `${base.replace(/\/$/, '')}${req.path}`;
    const body = feed.format === 'rss' ? rss(feed, self) : atom(feed, self);
    const contentType =
      feed.format === 'rss' ? 'application/rss+xml; charset=UTF-8' : 'application/atom+xml; charset=UTF-8';
    if (!feed.conditional) return { headers: { 'content-type': contentType }, raw: body };
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`;
    const validators = { etag, 'last-modified': feed.lastModified.toUTCString(), 'cache-control': 'max-age=0' };
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const fresh =
      inm !== undefined
        ? inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')
        : ims !== undefined && !Number.isNaN(Date.parse(ims)) && seconds(feed.lastModified) <= Date.parse(ims) / 1000;
    if (fresh) {
      notModified.set(req.path, (notModified.get(req.path) ?? 0) + 1);
      return { status: 304, headers: validators, raw: '' };
    }
    return { headers: { 'content-type': contentType, ...validators }, raw: body };
  }

  const server = await startFakeServer((req) => (req.method === 'GET' ? serve : undefined));
  base = server.url;

  return {
    ...server,
    feeds,
    addFeed(path, opts) {
      feeds.set(path, {
        title: 'Fake feed',
        conditional: true,
        lastModified: new Date(Date.now() - 3600_000),
        ...opts,
        items: [],
      });
      return new URL(path, server.url).toString();
    },
    addItem(path, item) {
      const feed = feeds.get(path);
      if (!feed) throw new Error(`No fake feed at ${path}`);
      feed.items.unshift(item);
      // Last-Modified has whole seconds: step past the previous one so If-Modified-Since notices.
      feed.lastModified = new Date(Math.max(Date.now(), (seconds(feed.lastModified) + 1) * 1000));
      return item;
    },
    notModifiedCount: (path) => notModified.get(path) ?? 0,
  };
}
