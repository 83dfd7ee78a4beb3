/**
 * The language a request asked for, from its Accept-Language header: zh-CN or en, by the header's
 * q-values; the caller's default when it asks for neither, says `*`, or says nothing. One
 * negotiation for the gateway's error messages (en by default) and the subgraphs' decline texts
 * (zh-CN by default). It is `negotiator`'s (the jshttp parser Express and Apollo Server use):
 * q-values, order, `*` and prefixes as RFC 9110 says, so `zh`, `zh-TW` and `zh-Hans-CN` read as
 * Chinese and `en-GB` as English.
 */
import Negotiator from 'negotiator';

export type Language = 'en' | 'zh-CN';

// `zh` is offered beside `zh-CN` so that any Chinese tag matches by its prefix. The default comes
// first: negotiator gives `*` the first language offered.
const OFFERED: Record<Language, string[]> = {
  en: ['en', 'zh-CN', 'zh'],
  'zh-CN': ['zh-CN', 'zh', 'en'],
};

/** Longer headers are cut: a header is a handful of tags, not something to parse at any length. */
const MAX_HEADER_CHARS = 200;

export function preferredLanguage(acceptLanguage: string | null | undefined, fallback: Language): Language {
  if (!acceptLanguage) return fallback;
  const headers = { 'accept-language': acceptLanguage.slice(0, MAX_HEADER_CHARS) };
  const chosen = new Negotiator({ headers }).language(OFFERED[fallback]);
  if (chosen === 'zh-CN' || chosen === 'zh') return 'zh-CN';
  return chosen === 'en' ? 'en' : fallback;
}
