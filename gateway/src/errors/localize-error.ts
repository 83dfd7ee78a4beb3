/**
 * One error message in the request's language: English as it was made, or zh-CN by its code
 * (zh-cn-messages.ts). The code and every extension stay as they are; only `message` changes.
 */
import { errorLanguage, type ErrorLanguage } from './request-language';
import { inChinese } from './zh-cn-messages';

export function localizedMessage(message: string, code: string, language: ErrorLanguage): string {
  return language === 'zh-CN' ? inChinese(message, code) : message;
}

/** An error entry with its message in `language`. */
export function localizeError<E extends { message: string; extensions?: Record<string, unknown> }>(error: E, language: ErrorLanguage): E {
  if (language === 'en') return error;
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';
  return { ...error, message: localizedMessage(error.message, code, language) };
}

/** The language a request asked for its errors in. */
export function languageOfRequest(request: { headers: { get(name: string): string | null } } | undefined): ErrorLanguage {
  return errorLanguage(request?.headers?.get('accept-language'));
}

export type { ErrorLanguage };
