import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newSecret } from '../core/tokens';
import type { Config } from './config';

/**
 * APP_SECRET encrypts source credentials. On a laptop (PGlite) nobody should have to invent one:
 * it is made once and kept beside the data, readable by its owner only. With PostgreSQL the config
 * already demands it, because every instance must share it.
 */
export function resolveAppSecret(
  config: Pick<Config, 'APP_SECRET' | 'DATA_DIR'>,
  onCreate: (path: string) => void = () => {},
): string {
  if (config.APP_SECRET) return config.APP_SECRET;
  const file = join(config.DATA_DIR, 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.DATA_DIR, { recursive: true });
  const secret = newSecret(48);
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  onCreate(file);
  return secret;
}
