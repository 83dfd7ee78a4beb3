/**
 * The language of a request's error messages, from its Accept-Language header: zh-CN or en, en
 * when it asks for neither (or says nothing). The negotiation is service-kit's, shared with the
 * subgraphs' decline texts, whose default is zh-CN.
 */
import { preferredLanguage, type Language } from '@cardweave/service-kit';

export type ErrorLanguage = Language;

export function errorLanguage(acceptLanguage: string | null | undefined): ErrorLanguage {
  return preferredLanguage(acceptLanguage, 'en');
}
