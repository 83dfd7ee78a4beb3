/** The GraphQL shape of the SDK's canonical error, as mutation results carry it. */
import type { CanonicalError, FieldError } from '../../../../adapters/sdk/src';
import { localized, type LocalizedTextModel } from './platform';

export interface CanonicalErrorModel extends Omit<CanonicalError, 'message'> {
  message: LocalizedTextModel;
  field?: string;
}

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
