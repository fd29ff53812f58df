import type { BoardAddress } from '../accounts';
import { isLocale, type Locale } from '../core/i18n/locales';
import { type MessageDescriptor, type MessageValues, Translator, translatorFor } from '../core/i18n/translator';
import { board } from './board.messages';

/** The refusals a reader meets on the board, in the board's words (du/Sie); other codes say what they say. */
const BOARD_ERRORS: Readonly<Record<string, MessageDescriptor>> = {
  MEMBER_LOGIN_REQUIRED: board.errorLoginRequired,
  MEMBER_NOT_VERIFIED: board.errorNotVerified,
  MEMBER_LINK_INVALID: board.errorLinkInvalid,
  TOO_MANY_ATTEMPTS: board.errorTooMany,
  PRODUCT_UNKNOWN: board.errorProduct,
};

/**
 * The board's translator: the reader's language and zone, with the workspace's way of addressing them
 * ("du" or "Sie") filled in as `form` for every message. The board's German messages that speak to the
 * reader select on `form` (de.json); English ignores it. Pages, error messages and emails alike go through
 * it, so no view passes the form by hand and none can forget it.
 */
export class BoardTranslator extends Translator {
  constructor(
    locale: Locale,
    timeZone: string,
    readonly form: BoardAddress,
  ) {
    super(locale, timeZone);
    const anyError = this.error;
    this.error = (code, english, params) => {
      const worded = BOARD_ERRORS[code];
      return worded ? this.t(worded, params) : anyError(code, english, params);
    };
  }

  override t = (message: MessageDescriptor, values?: MessageValues): string =>
    this.intl.formatMessage(message, { form: this.form, ...values });
}

/** What the board words itself, by error code (a test holds their English to the codes' own). */
export const BOARD_ERROR_MESSAGES = BOARD_ERRORS;

const translators = new Map<string, BoardTranslator>();

/** The board's translator for a language, zone and form (one of each per process, like `translatorFor`). */
export function boardTranslator(locale: string, timeZone: string, form: BoardAddress): BoardTranslator {
  const plain = translatorFor(isLocale(locale) ? locale : 'en', timeZone);
  const key = `${plain.locale} ${plain.timeZone} ${form}`;
  let found = translators.get(key);
  if (!found) {
    found = new BoardTranslator(plain.locale, plain.timeZone, form);
    if (translators.size > 1000) translators.clear();
    translators.set(key, found);
  }
  return found;
}

/** How a workspace row says its board's address; anything else is the formal default. */
export const boardAddressOf = (w: { boardAddress?: string | null }): BoardAddress =>
  w.boardAddress === 'du' ? 'du' : 'sie';
