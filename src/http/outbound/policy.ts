import ipaddr from 'ipaddr.js';

/**
 * Where the app may send HTTP requests, decided without I/O: an address is public unicast or it is
 * refused, unless the operator named it in OUTBOUND_ALLOWLIST. The I/O side (guarded-fetch.ts and
 * the transports) asks these functions about every URL before sending and about every resolved
 * address before connecting.
 */
export const MIB = 1024 * 1024;
/** Platform API answers (a page of posts is well under 1 MB). */
export const DEFAULT_MAX_BYTES = 4 * MIB;
/** RSS and Atom feeds: a podcast feed with years of episodes reaches 5-15 MB. */
export const DEFAULT_FEED_MAX_BYTES = 16 * MIB;
export const MAX_REDIRECTS = 3;
/** The longest one request may take from sending to its last byte (a trickling answer included). */
export const DEFAULT_DEADLINE_MS = 30_000;

type Ip = ipaddr.IPv4 | ipaddr.IPv6;

export type AllowEntry =
  | { kind: 'host'; host: string; port: number | null }
  | { kind: 'cidr'; range: [Ip, number]; port: number | null };

export interface OutboundPolicy {
  allow: AllowEntry[];
  /** The most bytes an answer body may have (after decompression): platform APIs, webhooks. */
  maxBytes: number;
  /** The same for feeds (OutboundHttp.fetchFeed); maxBytes when absent. */
  feedMaxBytes?: number;
  /** Total deadline per request, redirects and body included; DEFAULT_DEADLINE_MS when absent. */
  deadlineMs?: number;
}

export const strictPolicy = (maxBytes = DEFAULT_MAX_BYTES, feedMaxBytes = DEFAULT_FEED_MAX_BYTES): OutboundPolicy => ({
  allow: [],
  maxBytes,
  feedMaxBytes,
});

export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'shared'
  | 'multicast'
  | 'unspecified'
  | 'metadata'
  | 'reserved';

const CLASS_WORDS: Record<Exclude<AddressClass, 'public'>, string> = {
  loopback: 'loopback address',
  private: 'private address',
  'link-local': 'link-local address',
  shared: 'shared (CGNAT) address',
  multicast: 'multicast address',
  unspecified: 'unspecified address',
  metadata: 'cloud metadata address',
  reserved: 'reserved address',
};

// Cloud metadata endpoints; most sit in ranges refused anyway, Azure's wire server does not.
const METADATA_ADDRESSES = new Set([
  '169.254.169.254',
  '169.254.170.2',
  '168.63.129.16',
  '100.100.100.200',
  'fd00:ec2::254',
]);
// IPv4-compatible (::a.b.c.d) and IPv4-translated forms can smuggle an inner IPv4 address.
const EMBEDDED_V4 = [ipaddr.parseCIDR('::/96'), ipaddr.parseCIDR('::ffff:0:0:0/96')] as [Ip, number][];

const V4_CLASSES: Partial<Record<string, AddressClass>> = {
  unicast: 'public',
  loopback: 'loopback',
  private: 'private',
  linkLocal: 'link-local',
  carrierGradeNat: 'shared',
  multicast: 'multicast',
  unspecified: 'unspecified',
};
const V6_CLASSES: Partial<Record<string, AddressClass>> = {
  unicast: 'public',
  loopback: 'loopback',
  uniqueLocal: 'private',
  deprecatedSiteLocal: 'private',
  linkLocal: 'link-local',
  multicast: 'multicast',
  unspecified: 'unspecified',
};

const unbracket = (host: string) => (host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host);
const isMapped = (ip: Ip): ip is ipaddr.IPv6 => ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress();
/** ::ffff:127.0.0.1 is 127.0.0.1: judged and matched as the IPv4 address it carries. */
const plain = (ip: Ip): Ip => (isMapped(ip) ? ip.toIPv4Address() : ip);

/** A literal IP address (IPv4 dotted, IPv6 with or without brackets), else null. */
export function parseIp(host: string): Ip | null {
  const h = unbracket(host);
  if (ipaddr.IPv4.isValidFourPartDecimal(h)) return ipaddr.IPv4.parse(h);
  if (h.includes(':') && ipaddr.IPv6.isValid(h)) return ipaddr.process(h);
  return null;
}

/** What kind of address this is; only `public` is reachable without the allowlist. */
export function classifyAddress(address: string | Ip): AddressClass {
  const ip = typeof address === 'string' ? parseIp(address) : address;
  if (!ip) return 'reserved';
  const p = plain(ip);
  if (METADATA_ADDRESSES.has(p.toString())) return 'metadata';
  if (p.kind() === 'ipv4') return V4_CLASSES[(p as ipaddr.IPv4).range()] ?? 'reserved';
  const kind = V6_CLASSES[(p as ipaddr.IPv6).range()] ?? 'reserved';
  return kind === 'public' && EMBEDDED_V4.some((r) => p.match(r)) ? 'reserved' : kind;
}

// Names that only mean something inside a network; refused without a lookup (Workers cannot look up).
const INTERNAL_NAMES = new Set(['localhost', 'metadata', 'metadata.goog', 'instance-data']);
const INTERNAL_SUFFIXES = ['.localhost', '.local', '.localdomain', '.internal', '.home.arpa', '.intranet', '.lan'];

/** True for names that cannot be a public service: single labels, localhost, metadata, .internal... */
export function isInternalName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return !h.includes('.') || INTERNAL_NAMES.has(h) || INTERNAL_SUFFIXES.some((s) => h.endsWith(s));
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

function parsePort(text: string, entry: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`"${entry}" has no valid port`);
  return port;
}

function parseEntry(raw: string): AllowEntry {
  const entry = raw.toLowerCase();
  if (entry.includes('/')) {
    if (!ipaddr.isValidCIDR(entry) || !parseIp(entry.split('/')[0]!))
      throw new Error(`"${raw}" is not a valid CIDR range`);
    const [ip, bits] = ipaddr.parseCIDR(entry);
    return { kind: 'cidr', range: isMapped(ip) ? [plain(ip), Math.max(0, bits - 96)] : [ip, bits], port: null };
  }
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) {
    const ip = parseIp(bracketed[1]!);
    if (!ip) throw new Error(`"${raw}" is not a valid IPv6 address`);
    return {
      kind: 'cidr',
      range: [ip, ip.kind() === 'ipv4' ? 32 : 128],
      port: bracketed[2] ? parsePort(bracketed[2], raw) : null,
    };
  }
  const bare = parseIp(entry);
  if (bare) return { kind: 'cidr', range: [bare, bare.kind() === 'ipv4' ? 32 : 128], port: null };
  const m = /^([^:]+)(?::(\d+))?$/.exec(entry);
  if (!m) throw new Error(`"${raw}" is not a host, host:port or CIDR range`);
  const port = m[2] ? parsePort(m[2], raw) : null;
  const ip = parseIp(m[1]!);
  if (ip) return { kind: 'cidr', range: [ip, 32], port };
  const host = m[1]!.replace(/\.$/, '');
  if (!HOST_NAME.test(host)) throw new Error(`"${raw}" is not a host, host:port or CIDR range`);
  return { kind: 'host', host, port };
}

/**
 * OUTBOUND_ALLOWLIST: comma-separated host names, host:port pairs, IP addresses ([v6]:port for a
 * port) and CIDR ranges. Throws an Error whose message names the bad entry.
 */
export function parseAllowlist(text: string | undefined | null): AllowEntry[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(parseEntry);
}

const portMatches = (entry: AllowEntry, port: number) => entry.port === null || entry.port === port;

/** Did the operator name this host (and port) in the allowlist? Then whatever it resolves to is fine. */
export function allowsName(policy: OutboundPolicy, host: string, port: number): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return policy.allow.some((e) => e.kind === 'host' && e.host === h && portMatches(e, port));
}

function allowsIp(policy: OutboundPolicy, ip: Ip, port: number): boolean {
  return policy.allow.some(
    (e) => e.kind === 'cidr' && e.range[0].kind() === ip.kind() && ip.match(e.range) && portMatches(e, port),
  );
}

/**
 * Why connecting to this resolved address is refused (our words, for error texts), or null when
 * it is fine: public, or inside an allowlisted range.
 */
export function refuseAddress(policy: OutboundPolicy, address: string, port: number): string | null {
  const parsed = parseIp(address);
  if (!parsed) return `refused: not an IP address (${address})`;
  const ip = plain(parsed);
  if (allowsIp(policy, ip, port)) return null;
  const kind = classifyAddress(ip);
  return kind === 'public' ? null : `refused: ${CLASS_WORDS[kind]} (${ip.toString()})`;
}

export const defaultPort = (url: URL) => (url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80);

export type UrlVerdict =
  | { ok: true; host: string; port: number; literal: boolean; allowedByName: boolean }
  | { ok: false; reason: string };

/**
 * The check every URL passes before a request is sent (and after every redirect): http(s) only; a
 * literal IP is judged now (lookups are skipped for literals); an internal-only name is refused
 * unless allowlisted. A name that passes is judged again by the addresses it resolves to.
 * The WHATWG URL parser has already turned 2130706433, 0x7f.1 and 127.1 into 127.0.0.1.
 */
export function checkUrl(policy: OutboundPolicy, url: URL): UrlVerdict {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `refused: only http and https addresses (${url.protocol})` };
  }
  const host = unbracket(url.hostname).toLowerCase();
  if (!host) return { ok: false, reason: 'refused: the address has no host' };
  const port = defaultPort(url);
  if (parseIp(host)) {
    const why = refuseAddress(policy, host, port);
    return why ? { ok: false, reason: why } : { ok: true, host, port, literal: true, allowedByName: false };
  }
  if (allowsName(policy, host, port)) return { ok: true, host, port, literal: false, allowedByName: true };
  if (isInternalName(host)) return { ok: false, reason: `refused: internal host name (${host})` };
  return { ok: true, host, port, literal: false, allowedByName: false };
}

/** The same check for a URL still in text form (settings being saved). */
export function checkUrlText(policy: OutboundPolicy, text: string): UrlVerdict {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'refused: not a valid address' };
  }
  return checkUrl(policy, url);
}

/** "10 MiB" for whole mebibytes, else bytes: how error texts state the cap. */
export function formatBytes(n: number): string {
  return n % MIB === 0 ? `${n / MIB} MiB` : `${n} bytes`;
}
