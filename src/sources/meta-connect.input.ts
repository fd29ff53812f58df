import { z } from 'zod';
import { CONNECT_PROVIDERS } from './schema';
import { inputWords as w, said } from '../http/input-words';

/** Which sign-in: Facebook (Pages and their Instagram accounts), Threads, Google or LinkedIn. */
export const ConnectProviderParam = z.enum(CONNECT_PROVIDERS);

const metaIds = z
  .array(z.string().regex(/^\d{1,30}$/, said(w.numericId)))
  .max(500)
  .default([]);

/** The picker: the Pages and Instagram accounts to add (or reconnect). */
export const PickAccounts = z.object({ pages: metaIds, instagram: metaIds });

/** The picker after Google's or LinkedIn's sign-in: the offers (channels, accounts, Pages) to add. */
export const PickOffers = z.object({ accounts: z.array(z.string().max(300)).max(500).default([]) });
