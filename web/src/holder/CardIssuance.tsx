/**
 * Issuing the card on the credit line: start, pass the issuer's steps in order (the fields
 * each asks for; the SMS step's code texted on request), then issue. Entered values live in
 * this form only until sent; secret ones are password fields the browser does not fill.
 */
import { useState } from 'react';
import { issueCard, sendIssuanceSmsCode, startCardIssuance, verifyCardIssuanceStep, type Issuance, type IssuanceResult } from '../api';
import { errorFromData } from '../errors';
import { localized } from '../i18n';
import type { Ctx } from '../ui';
import { Feedback } from './Feedback';
import type { Holder } from './holder';
import { useAction } from './use-action';

export function CardIssuance({ ctx, holder }: { ctx: Ctx; holder: Holder }) {
  const { lang, t } = ctx;
  const action = useAction();
  const [issuance, setIssuance] = useState<Issuance | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});

  /** Keeps the issuance as it now stands and shows why a step did not pass. */
  const take = (result: IssuanceResult) => {
    if (result.issuance) setIssuance(result.issuance);
    const reasons = 'eligibility' in result ? (result.eligibility?.reasons.map((r) => r.error) ?? []) : [];
    if (!result.ok) action.setErrors([...(result.error ? [result.error] : []), ...result.fieldErrors, ...reasons].map(errorFromData));
    else setValues({});
  };

  const start = () => void action.run(async () => take(await startCardIssuance(holder.session, lang)));

  const step = issuance?.nextStep;
  const sendCode = () =>
    void action.run(async () => {
      const sent = await sendIssuanceSmsCode(holder.session, lang, issuance!.id);
      if (sent.ok) action.notify((tt) => tt.holder.smsSent(sent.sendsLeft));
      else if (sent.error) action.setErrors([errorFromData(sent.error)]);
    });
  const verify = () =>
    void action.run(async () => {
      const fields = step!.fields.map((f) => ({ name: f.name, value: values[f.name] ?? '' }));
      take(await verifyCardIssuanceStep(holder.session, lang, issuance!.id, step!.id, fields));
    });
  const issue = () =>
    void action.run(async () => {
      const issued = await issueCard(holder.session, lang, issuance!.id);
      if (!issued.ok) {
        if (issued.error) action.setErrors([errorFromData(issued.error)]);
        return;
      }
      const masked = issued.issuance?.card?.maskedNumber ?? '';
      action.notify((tt) => tt.holder.issued(masked));
      await holder.refresh();
    });

  return (
    <section data-testid="issuance" data-status={issuance?.status}>
      <h3>{t.holder.issueTitle}</h3>
      <p className="muted">{t.holder.issueHint}</p>
      {!issuance && (
        <button type="button" data-testid="start-issuance" disabled={action.busy} onClick={start}>
          {t.holder.startIssuance}
        </button>
      )}
      {issuance && (
        <ol className="steps">
          {issuance.steps.map((s) => (
            <li key={s.id} data-testid="issuance-step" data-step-id={s.id} data-passed={s.passed}>
              {localized(s.label, lang)}{' '}
              <span className="muted">{s.passed ? `✓ ${t.holder.stepPassed}` : s.id === step?.id ? `· ${t.holder.stepNext}` : ''}</span>
            </li>
          ))}
        </ol>
      )}
      {issuance && step && (
        <form
          className="step-form"
          data-testid="issuance-step-form"
          data-step-id={step.id}
          data-kind={step.kind}
          autoComplete="off"
          onSubmit={(e) => {
            e.preventDefault();
            verify();
          }}
        >
          <h4>{localized(step.label, lang)}</h4>
          {step.kind === 'SMS_CODE' && (
            <button type="button" data-testid="send-sms-code" disabled={action.busy} onClick={sendCode}>
              {t.holder.sendSmsCode}
            </button>
          )}
          {step.fields.map((f) => (
            <label key={f.name}>
              <span>{localized(f.label, lang)}</span>
              <input
                data-testid="step-field"
                data-field={f.name}
                type={f.secret ? 'password' : 'text'}
                autoComplete={f.secret ? 'new-password' : 'off'}
                inputMode={f.kind === 'SMS_CODE' || f.kind === 'PAYMENT_PASSWORD' ? 'numeric' : undefined}
                value={values[f.name] ?? ''}
                onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              />
            </label>
          ))}
          <button type="submit" data-testid="verify-step" disabled={action.busy}>
            {t.holder.verifyStep}
          </button>
        </form>
      )}
      {issuance && !step && issuance.status === 'VERIFIED' && (
        <button type="button" data-testid="issue-card" disabled={action.busy} onClick={issue}>
          {t.holder.issueCard}
        </button>
      )}
      {action.busy && <p className="muted">{t.holder.working}</p>}
      <Feedback errors={action.errors} notice={action.notice} ctx={ctx} />
    </section>
  );
}
