import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleClient, bundleJson, CLIENT_BUNDLE } from '../../scripts/build-client';

describe('the browser script', () => {
  it('is served as bundled from its TypeScript sources (run `npm run build:client` after changing them)', async () => {
    expect(readFileSync(CLIENT_BUNDLE, 'utf8')).toBe(bundleJson(await bundleClient()));
  });
});
