import { MastoHttpError, MastoTimeoutError, MastoUnexpectedError, type mastodon } from 'masto';
import { HttpActionDispatcherHookMastodon } from 'masto/adapters/action/dispatcher-http-hook-mastodon.js';
import { createActionProxy, HttpActionDispatcher } from 'masto/adapters/action/index.js';
import { HttpConfigImpl, type MastoHttpConfigProps } from 'masto/adapters/config/http-config.js';
import { BaseHttp } from 'masto/adapters/http/base-http.js';
import { getEncoding } from 'masto/adapters/http/get-encoding.js';
import { SerializerNativeImpl } from 'masto/adapters/serializers/index.js';
import type { HttpRequestParams, HttpResponse } from 'masto/interfaces/index.js';
import type { FetchLike } from '../../http/outbound';

/**
 * masto's REST client with its HTTP layer swapped for the outbound guard. masto calls the global
 * fetch and takes no fetch option, so this assembles the same client from masto's own published
 * modules (its package exports every dist/*.js) around an Http that sends through `fetch`.
 */
class GuardedHttp extends BaseHttp {
  constructor(
    private readonly serializer: SerializerNativeImpl,
    private readonly config: HttpConfigImpl,
    private readonly send: FetchLike,
  ) {
    super();
  }

  async request<T>(params: HttpRequestParams): Promise<HttpResponse<T>> {
    const { method, path, search, encoding = 'json', requestInit = {} } = params;
    const url = this.config.resolvePath(path, search);
    const body = this.serializer.serialize(encoding as 'json', params.body) as BodyInit | undefined;
    const init = this.config.mergeRequestInitWithDefaults(requestInit);
    const headers = new Headers(init.headers);
    if (typeof body === 'string' && encoding === 'json') headers.set('Content-Type', 'application/json');
    let response: Response;
    let text: string;
    try {
      response = await this.send(url, { ...init, method, headers, ...(body === undefined ? {} : { body }) });
      text = await response.text();
    } catch (error) {
      if ((error as { name?: string })?.name === 'TimeoutError')
        throw new MastoTimeoutError('Request timed out', { cause: error });
      throw error;
    }
    const type = getEncoding(response.headers);
    if (!type)
      throw new MastoUnexpectedError('The server returned data with an unknown encoding. The server may be down.');
    const data = this.serializer.deserialize(type, text);
    if (!response.ok) {
      const { error, errorDescription, details } = (data ?? {}) as {
        error?: string;
        errorDescription?: string;
        details?: never;
      };
      const props = {
        statusCode: response.status,
        message: String(error ?? `HTTP ${response.status}`),
        ...(errorDescription ? { description: errorDescription } : {}),
        ...(details ? { details } : {}),
      };
      throw new MastoHttpError(props, { cause: response });
    }
    return { headers: response.headers, data: data as T };
  }
}

export function createGuardedRestClient(props: MastoHttpConfigProps, send: FetchLike): mastodon.rest.Client {
  const serializer = new SerializerNativeImpl();
  const config = new HttpConfigImpl(props, serializer);
  const http = new GuardedHttp(serializer, config, send);
  const dispatcher = new HttpActionDispatcher(http, new HttpActionDispatcherHookMastodon(http));
  return createActionProxy<mastodon.rest.Client>(dispatcher, { context: ['api'] });
}
