/** The same server and credentials, another database name. */
export function databaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Where CREATE/DROP DATABASE are issued from: the URL's own database. */
export const adminUrl = (url: string) => url;
