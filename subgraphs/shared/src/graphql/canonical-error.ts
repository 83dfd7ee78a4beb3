/** The GraphQL shape of the SDK's canonical error, as mutation results carry it. */
import type { CanonicalError, FieldError } from '@cardweave/adapter-sdk';
import { preferredLanguage } from '@cardweave/service-kit';
import { localized, type LocalizedTextModel } from './platform';

export interface CanonicalErrorModel extends Omit<CanonicalError, 'message'> {
  message: LocalizedTextModel;
  field?: string;
}

/**
 * Resolvers every subgraph serves for the shared CanonicalError type (added by the subgraph server).
 * A decline's text is zh-CN when the request asks for neither language (the gateway's error
 * messages are en then): one negotiation (service-kit's preferredLanguage), the default each caller's.
 */
export const canonicalErrorResolvers = {
  CanonicalError: {
    localizedMessage: (error: CanonicalErrorModel, _: unknown, ctx: { acceptLanguage?: string }) =>
      preferredLanguage(ctx.acceptLanguage, 'zh-CN') === 'en' ? error.message.en : error.message.zhCN,
  },
};

export function canonicalErrorModel(error: CanonicalError, field?: string): CanonicalErrorModel {
  return { ...error, message: localized(error.message), field };
}

/** Input errors found before any platform call, as canonical errors naming their field. */
export function fieldErrorModels(platform: string, errors: FieldError[]): CanonicalErrorModel[] {
  return errors.map((e) => ({
    code: 'INVALID_FORMAT',
    platform,
    platformCode: e.code,
    platformMessage: e.message.en,
    decision: 'USER_ACTION',
    remedy: 'CORRECT_INPUT',
    message: localized(e.message),
    field: e.field,
  }));
}
