/** A configured address without its trailing slashes, to append `/path` to. */
export const trimSlash = (u: string) => u.replace(/\/+$/, '');

/** A configured address with exactly one trailing slash, to resolve relative paths against (googleapis' rootUrl). */
export const withSlash = (u: string) => `${trimSlash(u)}/`;
