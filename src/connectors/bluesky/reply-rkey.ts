import { sha256 } from '@noble/hashes/sha2.js';

/**
 * The record key of a reply's post, derived from the outbox row, so every attempt writes the same
 * at:// address: the PDS refuses a second create at that key, and the post can be looked up by it.
 * Posts must have TID keys (the AppView indexes no others): 53 bits of microseconds since 1970 and
 * a 10-bit clock id, written in base32-sortable. The time is when the reply was queued; the
 * microseconds below the millisecond and the clock id come from a hash of the reply id.
 */
const S32 = '234567abcdefghijklmnopqrstuvwxyz';

export function tid(micros: bigint, clockId: number): string {
  let v = ((micros & ((1n << 53n) - 1n)) << 10n) | BigInt(clockId & 1023);
  let s = '';
  for (let i = 0; i < 13; i++) {
    s = S32[Number(v & 31n)] + s;
    v >>= 5n;
  }
  return s;
}

export function replyRecordKey(replyId: string, queuedAt: Date): string {
  const h = sha256(new TextEncoder().encode(`reply:${replyId}`));
  const micros = BigInt(queuedAt.getTime()) * 1000n + BigInt(((h[0]! << 8) | h[1]!) % 1000);
  return tid(micros, (h[2]! << 8) | h[3]!);
}

/** The microseconds a TID names (for checks and tests). */
export function tidMicros(key: string): bigint {
  let v = 0n;
  for (const ch of key) v = (v << 5n) | BigInt(S32.indexOf(ch));
  return v >> 10n;
}
