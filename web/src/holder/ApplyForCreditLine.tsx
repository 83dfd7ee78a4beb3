/** Applying for the credit line: the issuer decides at once; the decision shows with every reason. */
import { useState } from 'react';
import { applyForCreditLine, type CreditLineApplication } from '../api';
import { errorFromData } from '../errors';
import { localized } from '../i18n';
import { ErrorBox, Money, type Ctx } from '../ui';
import { Feedback } from './Feedback';
import type { Holder } from './holder';
import { useAction } from './use-action';

export function ApplyForCreditLine({ hasLine, ctx, holder }: { hasLine: boolean; ctx: Ctx; holder: Holder }) {
  const { lang, t } = ctx;
  const action = useAction();
  const [answer, setAnswer] = useState<CreditLineApplication | null>(null);

  const apply = () =>
    void action.run(async () => {
      const result = await applyForCreditLine(holder.session, lang);
      setAnswer(result);
      // A decline's reasons show below; a refusal before assessment is its error or its fields.
      if (!result.ok && !result.decision)
        action.setErrors([...(result.error ? [result.error] : []), ...result.fieldErrors].map(errorFromData));
      if (result.ok) await holder.refresh();
    });

  const decision = answer?.decision;
  return (
    <div data-testid="apply">
      {!hasLine && !answer?.ok && (
        <>
          <p className="muted">{t.holder.noCreditLine}</p>
          <button type="button" data-testid="apply-for-credit-line" disabled={action.busy} onClick={apply}>
            {action.busy ? t.holder.working : t.holder.apply}
          </button>
        </>
      )}
      <Feedback errors={action.errors} notice={action.notice} ctx={ctx} />
      {decision && (
        <section className="decision" data-testid="credit-decision" data-approved={decision.approved}>
          <h4 data-testid="decision-outcome">{decision.approved ? t.holder.approved : t.holder.declined}</h4>
          {decision.approved && (
            <p>
              {t.holder.grantedLine}: <Money fen={decision.limitFen} lang={lang} testId="decision-limit" />
            </p>
          )}
          <h5>{t.holder.decisionReasons}</h5>
          <ul>
            {decision.reasons.map((reason, i) => (
              <li
                key={`${reason.factor}-${reason.rule ?? i}`}
                data-testid="decision-reason"
                data-factor={reason.factor}
                data-rule={reason.rule}
              >
                {localized(reason.message, lang)}
                {reason.amountFen != null && (
                  <>
                    {' '}
                    <Money fen={reason.amountFen} lang={lang} />
                  </>
                )}
                {reason.error && <ErrorBox error={errorFromData(reason.error)} ctx={ctx} />}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
