import { z } from 'zod';
import type { OutboundHttp } from '../../http/outbound';
import { expectShape, parseJson } from '../answer';
import { outboundFailure } from '../types';
import { linkedinError } from './linkedin-errors';
import { trimSlash } from '../url-paths';

/**
 * A small client for LinkedIn's versioned REST API (api.linkedin.com/rest, Rest.li protocol 2.0) on our
 * outbound guard. The official linkedin-api-client is built on axios, which cannot go through the guard
 * (ctx.http), so requests are plain fetches here. Every request carries the bearer token, the one pinned
 * LinkedIn-Version and X-Restli-Protocol-Version 2.0.0; URNs in paths and parameters are encoded the Rest.li 2.0
 * way (restliEncode), arrays as List(...), records as (key:value,...).
 */
/** LinkedIn's monthly API version (YYYYMM); each is served for at least a year after its release. */
export const LINKEDIN_VERSION = '202603';
export const LINKEDIN_BASE_URL = 'https://api.linkedin.com';
export const LINKEDIN_TOKEN_URL = 'https://www.linkedin.com/oauth/v2/accessToken';

/**
 * One value as Rest.li 2.0 wants it in a URL: percent-encoded like encodeURIComponent, and its own structural
 * characters , ( ) ' : escaped too, so `urn:li:comment:(urn:li:activity:1,2)` stays one value inside a path or a
 * List(...). (LinkedIn's own client does the same.)
 */
export function restliEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[,()':]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** An array parameter: List(a,b) with each value encoded and the list syntax left as it is. */
export const restliList = (values: readonly string[]) => `List(${values.map(restliEncode).join(',')})`;

/** A record parameter of numbers: (start:1,end:2). */
export const restliRecord = (fields: Record<string, number>) =>
  `(${Object.entries(fields)
    .map(([k, v]) => `${restliEncode(k)}:${Math.trunc(v)}`)
    .join(',')})`;

/** A collection page: {elements, paging: {start, count, total}}. */
const PAGE = z.object({
  elements: z.array(z.unknown()),
  paging: z
    .object({ start: z.number().optional(), count: z.number().optional(), total: z.number().optional() })
    .optional(),
});

export interface LinkedInPage {
  items: unknown[];
  /** Where the next page starts, when one waits. */
  next: number | undefined;
}

/** Query parameters whose values are already in their Rest.li form (see restliEncode). */
export type RestliQuery = Record<string, string | number | undefined>;

export interface CallOptions {
  /** The permission this call needs, named when LinkedIn answers 403. */
  permission: string;
  /** A 404 is an answer (the item is gone), not an error: the call then gives null. */
  notFound?: boolean;
}

export interface LinkedInAnswer {
  body: unknown;
  headers: Headers;
}

export interface LinkedInClientOptions {
  baseUrl: string;
  accessToken: string;
  http: OutboundHttp;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  now?: () => Date;
}

export class LinkedInClient {
  constructor(private readonly o: LinkedInClientOptions) {}

  async get(path: string, query: RestliQuery, opts: CallOptions): Promise<unknown> {
    return (await this.call('GET', path, query, undefined, opts))?.body ?? null;
  }

  /** One page of a finder or collection, asking for `count` items from `start`. */
  async page(path: string, query: RestliQuery, start: number, count: number, opts: CallOptions): Promise<LinkedInPage> {
    const answer = await this.call('GET', path, { ...query, start, count }, undefined, opts);
    if (answer === null) return { items: [], next: undefined };
    const page = expectShape(PAGE, answer.body, 'LinkedIn', 'linkedin', 'an elements list');
    const total = page.paging?.total;
    const more =
      page.elements.length > 0 && (total !== undefined ? start + count < total : page.elements.length >= count);
    return { items: page.elements, next: more ? start + count : undefined };
  }

  post(path: string, body: unknown, opts: CallOptions): Promise<LinkedInAnswer | null> {
    return this.call('POST', path, {}, body, opts);
  }

  delete(path: string, query: RestliQuery, opts: CallOptions): Promise<LinkedInAnswer | null> {
    return this.call('DELETE', path, query, undefined, opts);
  }

  private url(path: string, query: RestliQuery): string {
    const pairs = Object.entries(query).flatMap(([k, v]) =>
      v === undefined ? [] : [`${encodeURIComponent(k)}=${typeof v === 'number' ? Math.trunc(v) : v}`],
    );
    return `${trimSlash(this.o.baseUrl)}${path}${pairs.length ? `?${pairs.join('&')}` : ''}`;
  }

  private async call(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    query: RestliQuery,
    body: unknown,
    opts: CallOptions,
  ): Promise<LinkedInAnswer | null> {
    const timeout = AbortSignal.timeout(this.o.timeoutMs);
    const signal = this.o.signal ? AbortSignal.any([timeout, this.o.signal]) : timeout;
    let res: Response;
    let text: string;
    try {
      res = await this.o.http.fetch(this.url(path, query), {
        method,
        redirect: 'manual',
        signal,
        headers: {
          authorization: `Bearer ${this.o.accessToken}`,
          'linkedin-version': LINKEDIN_VERSION,
          'x-restli-protocol-version': '2.0.0',
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      text = await res.text();
    } catch (err) {
      if (timeout.aborted)
        throw outboundFailure(err, `LinkedIn did not answer within ${this.o.timeoutMs} ms`, 'linkedin');
      throw outboundFailure(err, 'Could not reach LinkedIn', 'linkedin');
    }
    if (res.status === 404 && opts.notFound) return null;
    if (!res.ok)
      throw linkedinError({
        status: res.status,
        headers: res.headers,
        text,
        permission: opts.permission,
        now: this.o.now?.() ?? new Date(),
      });
    const parsed = text.trim() ? parseJson('LinkedIn', 'linkedin', text, res.headers.get('content-type')) : null;
    return { body: parsed, headers: res.headers };
  }
}
