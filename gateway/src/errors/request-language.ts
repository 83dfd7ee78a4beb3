/**
 * The language of a request's error messages, from its Accept-Language header: zh-CN or en, by the
 * header's q-values, en when it asks for neither (or says nothing). Negotiation is `negotiator`'s
 * (the jshttp parser Express and Apollo Server use): q-values, order, `*` and prefixes as RFC 9110
 * says, so `zh`, `zh-TW` and `zh-Hans-CN` read as Chinese and `en-GB` as English.
 */
import Negotiator from 'negotiator';

export type ErrorLanguage = 'en' | 'zh-CN';

// `zh` is offered beside `zh-CN` so that any Chinese tag matches by its prefix; en first, the default for `*`.
const OFFERED = ['en', 'zh-CN', 'zh'];

export function errorLanguage(acceptLanguage: string | null | undefined): ErrorLanguage {
  if (!acceptLanguage) return 'en';
  const chosen = new Negotiator({ headers: { 'accept-language': acceptLanguage.slice(0, 200) } }).language(OFFERED);
  return chosen === 'zh-CN' || chosen === 'zh' ? 'zh-CN' : 'en';
}
