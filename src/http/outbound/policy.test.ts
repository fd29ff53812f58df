import { describe, expect, it } from 'vitest';
import {
  checkUrl,
  classifyAddress,
  formatBytes,
  isInternalName,
  parseAllowlist,
  refuseAddress,
  strictPolicy,
  type OutboundPolicy,
} from './policy';

const policy = (allow: string): OutboundPolicy => ({ allow: parseAllowlist(allow), maxBytes: 1024 });
const verdict = (p: OutboundPolicy, url: string) => {
  const v = checkUrl(p, new URL(url));
  return v.ok ? 'ok' : v.reason;
};

describe('classifyAddress', () => {
  it.each([
    ['93.184.216.34', 'public'],
    ['2606:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.1.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fec0::1', 'private'],
    ['169.254.10.10', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.0.1', 'shared'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['169.254.169.254', 'metadata'],
    ['168.63.129.16', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::7f00:1', 'reserved'],
    ['64:ff9b::7f00:1', 'reserved'],
    ['2002:7f00:1::', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['not-an-ip', 'reserved'],
  ])('classifies %s as %s', (ip, kind) => {
    expect(classifyAddress(ip)).toBe(kind);
  });
});

describe('checkUrl without an allowlist', () => {
  it.each([
    ['https://api.x.com/2/tweets', 'ok'],
    ['http://feeds.example.com:8080/rss', 'ok'],
    ['http://127.0.0.1:5432/', 'refused: loopback address (127.0.0.1)'],
    ['http://localhost/', 'refused: internal host name (localhost)'],
    ['http://LOCALHOST./', 'refused: internal host name (localhost.)'],
    ['http://app.localhost/', 'refused: internal host name (app.localhost)'],
    ['http://[::1]:8080/', 'refused: loopback address (::1)'],
    ['http://169.254.169.254/latest/meta-data/', 'refused: cloud metadata address (169.254.169.254)'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'refused: internal host name (metadata.google.internal)'],
    ['http://metadata/', 'refused: internal host name (metadata)'],
    ['http://postgres:5432/', 'refused: internal host name (postgres)'],
    ['http://printer.local/', 'refused: internal host name (printer.local)'],
    ['http://0.0.0.0:3000/', 'refused: unspecified address (0.0.0.0)'],
    ['http://2130706433/', 'refused: loopback address (127.0.0.1)'],
    ['http://0x7f.1/', 'refused: loopback address (127.0.0.1)'],
    ['http://0177.0.0.1/', 'refused: loopback address (127.0.0.1)'],
    ['http://127.1/', 'refused: loopback address (127.0.0.1)'],
    ['http://[::ffff:127.0.0.1]/', 'refused: loopback address (127.0.0.1)'],
    ['http://[::ffff:a00:1]/', 'refused: private address (10.0.0.1)'],
    ['http://10.0.0.1/', 'refused: private address (10.0.0.1)'],
    ['http://100.64.1.1/', 'refused: shared (CGNAT) address (100.64.1.1)'],
    ['http://[fe80::1]/', 'refused: link-local address (fe80::1)'],
    ['http://224.0.0.251/', 'refused: multicast address (224.0.0.251)'],
    ['file:///etc/passwd', 'refused: only http and https addresses (file:)'],
    ['gopher://127.0.0.1:6379/_INFO', 'refused: only http and https addresses (gopher:)'],
    ['data:text/plain,hello', 'refused: only http and https addresses (data:)'],
    ['ftp://ftp.example.com/', 'refused: only http and https addresses (ftp:)'],
  ])('%s → %s', (url, expected) => {
    expect(verdict(strictPolicy(), url)).toBe(expected);
  });
});

describe('parseAllowlist', () => {
  it('reads host, host:port, IPv4, [IPv6]:port and CIDR entries', () => {
    expect(
      parseAllowlist(
        ' feeds.corp.example , localhost:3000, 127.0.0.1:4010, 10.0.0.0/8, [::1]:8080, fd00::/8, 192.168.1.5 ',
      ),
    ).toMatchObject([
      { kind: 'host', host: 'feeds.corp.example', port: null },
      { kind: 'host', host: 'localhost', port: 3000 },
      { kind: 'cidr', port: 4010 },
      { kind: 'cidr', port: null },
      { kind: 'cidr', port: 8080 },
      { kind: 'cidr', port: null },
      { kind: 'cidr', port: null },
    ]);
  });

  it('is empty for an empty or missing setting', () => {
    expect(parseAllowlist('')).toEqual([]);
    expect(parseAllowlist(undefined)).toEqual([]);
    expect(parseAllowlist(' , ')).toEqual([]);
  });

  it.each(['http://localhost', 'host name', '10.0.0.0/33', 'localhost:0', 'localhost:70000', '[::1', 'a..b'])(
    'refuses the bad entry %s, naming it',
    (entry) => {
      expect(() => parseAllowlist(entry)).toThrow(/is not (a|a valid)|has no valid port/);
    },
  );
});

describe('checkUrl with an allowlist', () => {
  it.each([
    ['127.0.0.1:4010', 'http://127.0.0.1:4010/feed', 'ok'],
    ['127.0.0.1:4010', 'http://127.0.0.1:4011/feed', 'refused: loopback address (127.0.0.1)'],
    ['127.0.0.1', 'http://127.0.0.1:5432/', 'ok'],
    ['127.0.0.0/8', 'http://127.0.0.2:80/', 'ok'],
    ['10.0.0.0/8', 'http://10.20.30.40/', 'ok'],
    ['10.0.0.0/8', 'http://192.168.0.1/', 'refused: private address (192.168.0.1)'],
    ['[::1]:8080', 'http://[::1]:8080/', 'ok'],
    ['[::1]:8080', 'http://[::1]:8081/', 'refused: loopback address (::1)'],
    ['::1', 'http://[::1]:9/', 'ok'],
    ['localhost:3000', 'http://localhost:3000/', 'ok'],
    ['localhost:3000', 'http://localhost:3001/', 'refused: internal host name (localhost)'],
    ['feeds.internal', 'https://feeds.internal/rss', 'ok'],
    ['feeds.internal', 'https://other.internal/rss', 'refused: internal host name (other.internal)'],
    ['127.0.0.1', 'file:///etc/passwd', 'refused: only http and https addresses (file:)'],
  ])('with %s: %s → %s', (allow, url, expected) => {
    expect(verdict(policy(allow), url)).toBe(expected);
  });

  it('lets an allowlisted name resolve anywhere, and judges other names by their addresses', () => {
    const p = policy('10.1.0.0/16');
    expect(refuseAddress(p, '10.1.2.3', 443)).toBeNull();
    expect(refuseAddress(p, '10.2.0.1', 443)).toBe('refused: private address (10.2.0.1)');
    expect(refuseAddress(p, '::ffff:10.1.2.3', 443)).toBeNull();
    expect(refuseAddress(strictPolicy(), '93.184.216.34', 443)).toBeNull();
  });
});

describe('isInternalName', () => {
  it.each([
    ['localhost', true],
    ['db', true],
    ['x.internal', true],
    ['nas.home.arpa', true],
    ['api.x.com', false],
    ['mastodon.social', false],
  ])('%s → %s', (host, internal) => {
    expect(isInternalName(host)).toBe(internal);
  });
});

describe('formatBytes', () => {
  it('states whole mebibytes as MiB and anything else in bytes', () => {
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MiB');
    expect(formatBytes(1000)).toBe('1000 bytes');
  });
});
