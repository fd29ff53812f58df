import { type Connector, ConnectorError, type ReplyContext, type ReplyResult } from '../../connectors';

/**
 * One attempt at putting a reply on the platform, at most once. When an earlier attempt may have
 * gone through (its sender died mid-send, or the platform never answered), the platform is asked
 * first: our account's reply under the parent, with our text. Found, it is recorded and nothing is
 * posted; not found, it is posted now. X's duplicate-content refusal is checked the same way, so
 * such a reply gets its post id and link too.
 */
export interface Delivery {
  result: ReplyResult;
  /** The post was already there: an earlier attempt made it. */
  found: boolean;
  /** Said beside the reply in the thread. */
  note: string | null;
}

/** A failed attempt, and whether the platform may have the post all the same. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    readonly reason: ConnectorError,
    readonly outcomeUnknown: boolean,
  ) {
    super(reason.message);
  }
}

const asConnectorError = (err: unknown) =>
  err instanceof ConnectorError
    ? err
    : new ConnectorError('transient', err instanceof Error ? err.message : String(err));

/** A lookup that fails leaves the outcome as unknown as it was. */
async function lookup(connector: Connector, ctx: ReplyContext<unknown, unknown>): Promise<ReplyResult | null> {
  try {
    return (await connector.findReply?.(ctx)) ?? null;
  } catch (err) {
    throw new DeliveryError(asConnectorError(err), true);
  }
}

export async function deliver(
  connector: Connector,
  ctx: ReplyContext<unknown, unknown>,
  uncertain: boolean,
): Promise<Delivery> {
  if (!connector.reply) {
    throw new DeliveryError(
      new ConnectorError('invalid_request', `${connector.label} does not support replies`),
      uncertain,
    );
  }
  if (uncertain) {
    const found = await lookup(connector, ctx);
    const note = `Found on ${connector.label} after an interrupted send: an earlier attempt had posted it`;
    if (found) return { result: found, found: true, note };
  }
  try {
    return { result: await connector.reply(ctx), found: false, note: null };
  } catch (err) {
    const e = asConnectorError(err);
    if (e.details.alreadyPosted) {
      const found = await lookup(connector, ctx);
      if (found) return { result: found, found: true, note: `${e.message}: an earlier attempt had posted it` };
    }
    // Refusals (4xx, rate limits, credentials) left nothing on the platform; a timeout, a broken
    // connection or a 5xx may have.
    throw new DeliveryError(e, e.kind === 'transient');
  }
}
