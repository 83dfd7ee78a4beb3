/** A panel's outcome: its errors, each in the canonical form with its remedy, or its notice. */
import type { PageError } from '../errors';
import { ErrorBox, type Ctx } from '../ui';
import type { Notice } from './use-action';

export function Feedback({ errors, notice, ctx }: { errors: PageError[]; notice: Notice | null; ctx: Ctx }) {
  return (
    <>
      {errors.map((error, i) => (
        <ErrorBox key={`${error.code}-${error.field ?? i}`} error={error} ctx={ctx} />
      ))}
      {notice && (
        <p className="notice" role="status" data-testid="notice">
          {notice(ctx.t, ctx.lang)}
        </p>
      )}
    </>
  );
}
