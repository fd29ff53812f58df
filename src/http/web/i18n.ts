import { currentTranslator } from '../i18n.middleware';

/**
 * The viewer's translator inside a view: `const t = useT()`, then `t.t(messages.title)`, `t.dateTime(at)`,
 * `t.number(n)`. The request chose it (http/i18n.middleware.ts); outside a request it is English in UTC.
 */
export const useT = currentTranslator;
