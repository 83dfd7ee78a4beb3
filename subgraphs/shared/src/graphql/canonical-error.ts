/** The GraphQL shape of the SDK's canonical error, as mutation results carry it. */
import type { CanonicalError, FieldError } from '@cardweave/adapter-sdk';
import { localized, type LocalizedTextModel } from './platform';

export interface CanonicalErrorModel extends Omit<CanonicalError, 'message'> {
  message: LocalizedTextModel;
  field?: string;
}

/** zh-CN or en, from an Accept-Language header by its q-values; zh-CN when neither is asked for. */
export function preferredLanguage(acceptLanguage: string | undefined): 'zhCN' | 'en' {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { tag, q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zhCN';
  }
  return 'zhCN';
}

/** Resolvers every subgraph serves for the shared CanonicalError type (added by the subgraph server). */
export const canonicalErrorResolvers = {
  CanonicalError: {
    localizedMessage: (error: CanonicalErrorModel, _: unknown, ctx: { acceptLanguage?: string }) =>
      error.message[preferredLanguage(ctx.acceptLanguage)],
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
