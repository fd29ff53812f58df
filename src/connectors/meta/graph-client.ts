import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { OutboundHttp } from '../../http/outbound';
import { z } from 'zod';
import { expectShape, parseJson } from '../answer';
import { outboundFailure } from '../types';
import { graphError, type MetaPlatform } from './graph-errors';
import { trimSlash } from '../url-paths';
import { said } from '../../http/input-words';
import type { MessageDescriptor } from '../../core/i18n/translator';

/**
 * A small client for Meta's Graph APIs (graph.facebook.com for Pages and Instagram, graph.threads.net
 * for Threads) on our outbound guard: the version pinned here, the token as a parameter, an
 * appsecret_proof when the app secret is known (Meta's advice for server calls), Meta's errors mapped
 * by graph-errors.ts, and list paging by `paging.cursors.after` on our own base URL (a `next` link is
 * never followed: it could point anywhere).
 */
export const GRAPH_VERSION = 'v24.0';
export const GRAPH_BASE_URL = 'https://graph.facebook.com';
export const THREADS_VERSION = 'v1.0';
export const THREADS_BASE_URL = 'https://graph.threads.net';

export const META_LABELS: Record<MetaPlatform, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  threads: 'Threads',
};

export interface GraphClientOptions {
  baseUrl: string;
  /** '' for Meta's unversioned paths (Threads' token exchange). */
  version: string;
  /** Absent for calls that carry their credentials as parameters (the token exchanges). */
  accessToken?: string | undefined;
  appSecret?: string | undefined;
  platform: MetaPlatform;
  http: OutboundHttp;
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
  now?: () => number;
}

/** A Graph list page: {data, paging: {cursors: {before, after}, next}}. */
const LIST = z.object({
  data: z.array(z.unknown()),
  paging: z
    .object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() })
    .optional(),
});

/** A Meta object id (Page, Instagram account, Threads profile): digits only. */
export const numericId = (what: MessageDescriptor) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,30}$/, said(what));

/** The fields every Meta source's config has: the API's address and version (pinned above), a deadline. */
export const metaApiFields = (baseUrl: string, version: string) => ({
  baseUrl: z.url().default(baseUrl),
  graphVersion: z
    .string()
    .regex(/^v\d{1,2}\.\d$/)
    .default(version),
  timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
});

/** The credentials every Meta source takes: an access token, and the app's secret for appsecret_proof. */
export const metaCredentialsSchema = z.object({
  /** A Page token (Facebook, Instagram through the linked Page) or a Threads user token. */
  accessToken: z.string().min(1).max(1000),
  /** The Meta (or Threads) app's secret: calls then carry an appsecret_proof. */
  appSecret: z.string().min(1).max(200).optional(),
});
export type MetaCredentials = z.infer<typeof metaCredentialsSchema>;

type Params = Record<string, string | number | boolean | undefined>;

/** An address without its trailing slashes, to append paths to. */
export { trimSlash };

export class GraphClient {
  constructor(private readonly o: GraphClientOptions) {}

  get label() {
    return META_LABELS[this.o.platform];
  }

  get<T>(path: string, params: Params = {}): Promise<T> {
    return this.call<T>('GET', path, params);
  }

  post<T>(path: string, params: Params = {}): Promise<T> {
    return this.call<T>('POST', path, params);
  }

  delete<T>(path: string, params: Params = {}): Promise<T> {
    return this.call<T>('DELETE', path, params);
  }

  /**
   * One page of a list as Meta sends it ({data, paging}): its items, and `after` only when a next page
   * exists (continued with our own base URL, never by following `paging.next`).
   */
  async page(path: string, params: Params = {}): Promise<{ items: unknown[]; after: string | undefined }> {
    const body = expectShape(LIST, await this.get<unknown>(path, params), this.label, this.o.platform, 'a data list');
    return { items: body.data, after: body.paging?.next ? body.paging.cursors?.after : undefined };
  }

  private url(path: string, params: Params, withToken: boolean): URL {
    const version = this.o.version ? `${this.o.version}/` : '';
    const url = new URL(`${trimSlash(this.o.baseUrl)}/${version}${path.replace(/^\/+/, '')}`);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
    const token = this.o.accessToken;
    if (withToken && token) {
      url.searchParams.set('access_token', token);
      if (this.o.appSecret)
        url.searchParams.set(
          'appsecret_proof',
          bytesToHex(hmac(sha256, utf8ToBytes(this.o.appSecret), utf8ToBytes(token))),
        );
    }
    return url;
  }

  private async call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, params: Params): Promise<T> {
    const timeoutMs = this.o.timeoutMs ?? 15_000;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = this.o.signal ? AbortSignal.any([timeout, this.o.signal]) : timeout;
    // POST parameters go as a form (Meta takes both); the token stays out of the URL there.
    const form = method === 'POST';
    const url = this.url(path, form ? {} : params, !form);
    const body = form ? this.formBody(params) : undefined;
    let res: Response;
    let text: string;
    try {
      res = await this.o.http.fetch(url, {
        method,
        redirect: 'manual',
        signal,
        headers: {
          accept: 'application/json',
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(body ? { body } : {}),
      });
      text = await res.text();
    } catch (err) {
      if (timeout.aborted)
        throw outboundFailure(err, `${this.label} did not answer within ${timeoutMs} ms`, this.o.platform);
      throw outboundFailure(err, `Could not reach ${this.label}`, this.o.platform);
    }
    if (!res.ok)
      throw graphError({
        status: res.status,
        headers: res.headers,
        text,
        label: this.label,
        platform: this.o.platform,
        now: (this.o.now ?? Date.now)(),
      });
    return parseJson(this.label, this.o.platform, text, res.headers.get('content-type')) as T;
  }

  private formBody(params: Params): string {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) form.set(k, String(v));
    if (this.o.accessToken) form.set('access_token', this.o.accessToken);
    const proof = this.url('', {}, true).searchParams.get('appsecret_proof');
    if (proof) form.set('appsecret_proof', proof);
    return form.toString();
  }
}

/** A client for one Meta source: its platform, the config's address, version and deadline, its token. */
export function metaClient(
  platform: MetaPlatform,
  http: OutboundHttp,
  config: { baseUrl: string; graphVersion: string; timeoutMs: number },
  credentials: MetaCredentials,
  signal?: AbortSignal,
): GraphClient {
  return new GraphClient({
    baseUrl: config.baseUrl,
    version: config.graphVersion,
    accessToken: credentials.accessToken,
    appSecret: credentials.appSecret,
    platform,
    http,
    signal,
    timeoutMs: config.timeoutMs,
  });
}

/** Meta's time stamps ("2026-12-06T10:00:00+0000", or Unix seconds in webhooks) as a Date. */
export function graphTime(v: string | number): Date {
  if (typeof v === 'number') return new Date(v * 1000);
  return new Date(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}
