import { describe, expect, it } from 'vitest';
import { createCredentialBox } from '../core/credentials';
import { openNotice, sealNotice } from './notice';

const box = createCredentialBox('a-test-secret-of-enough-length-for-hkdf');
const at = new Date('2026-12-07T10:00:00Z');
const later = (ms: number) => new Date(at.getTime() + ms);

describe('a source page notice in the address', () => {
  it('is shown on its own source page while recent', async () => {
    const sealed = await sealNotice(box, 'source-a', { kind: 'ok', message: 'Verified: X accepted it' }, at);
    expect(await openNotice(box, 'source-a', sealed, later(60_000))).toEqual({
      kind: 'ok',
      message: 'Verified: X accepted it',
    });
  });

  it('says nothing on another source, changed, or after ten minutes', async () => {
    const sealed = await sealNotice(box, 'source-a', { kind: 'error', message: 'Poll failed' }, at);
    expect(await openNotice(box, 'source-b', sealed, at)).toBeUndefined();
    expect(await openNotice(box, 'source-a', `${sealed.slice(0, -2)}AA`, at)).toBeUndefined();
    expect(await openNotice(box, 'source-a', sealed, later(10 * 60_000))).toBeUndefined();
    expect(await openNotice(box, 'source-a', 'not-sealed', at)).toBeUndefined();
    expect(await openNotice(box, 'source-a', undefined, at)).toBeUndefined();
  });
});
