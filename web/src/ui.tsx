/** The page's small shared pieces: the language context, an amount, and an error in the canonical form. */
import type { PageError } from './errors';
import { REMEDY_TEXT } from './errors';
import { localized, type Language, type Messages } from './i18n';
import { formatFen } from './money';

export interface Ctx {
  lang: Language;
  t: Messages;
}

export function Money({ fen, lang, testId }: { fen: number; lang: Language; testId?: string }) {
  return (
    <span className="money" data-testid={testId} data-fen={fen}>
      {formatFen(fen, lang)}
    </span>
  );
}

export function ErrorBox({ error, ctx, onRetry }: { error: PageError; ctx: Ctx; onRetry?: () => void }) {
  const { lang, t } = ctx;
  return (
    <div className="error" role="alert" data-testid="error" data-code={error.code} data-remedy={error.remedy} data-field={error.field}>
      <div className="error-head">
        <code>{error.code}</code>
        {error.platform && <span className="muted"> · {error.platform}</span>}
        {error.field && <span className="muted"> · {error.field}</span>}
      </div>
      <div className="error-message" data-testid="error-message">
        {localized(error.message, lang)}
      </div>
      <div className="error-remedy">
        <span className="muted">{t.remedy}: </span>
        <strong data-testid="remedy">{localized(REMEDY_TEXT[error.remedy], lang)}</strong> <code className="muted">{error.remedy}</code>
      </div>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}
