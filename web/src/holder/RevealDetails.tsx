/**
 * Seeing the card's full number, expiry and CVV2: the payment password buys a single-use token,
 * redeemed at once. The details live in this component's state only (no storage, no log) and
 * are dropped after HIDE_AFTER_MS, when the page is hidden or left, and when the panel goes.
 */
import { useEffect, useRef, useState } from 'react';
import { revealCardDetails, startCardReveal } from '../api';
import { errorFromData } from '../errors';
import type { Ctx } from '../ui';
import { Feedback } from './Feedback';
import type { Holder } from './holder';
import { useAction } from './use-action';

const HIDE_AFTER_MS = 30_000;

interface Details {
  cardNumber: string;
  expiry: string;
  cvv2: string;
}

const grouped = (number: string) => number.replace(/(\d{4})(?=\d)/g, '$1 ');

export function RevealDetails({ cardId, ctx, holder }: { cardId: string; ctx: Ctx; holder: Holder }) {
  const { lang, t } = ctx;
  const action = useAction();
  const [password, setPassword] = useState('');
  const [details, setDetails] = useState<Details | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const hide = () => {
    clearTimeout(timer.current);
    setDetails(null);
  };

  useEffect(() => {
    const hideWhenHidden = () => {
      if (document.visibilityState === 'hidden') hide();
    };
    document.addEventListener('visibilitychange', hideWhenHidden);
    window.addEventListener('pagehide', hide);
    return () => {
      document.removeEventListener('visibilitychange', hideWhenHidden);
      window.removeEventListener('pagehide', hide);
      clearTimeout(timer.current);
    };
  }, []);

  const reveal = () =>
    void action.run(async () => {
      const entered = password;
      setPassword('');
      const started = await startCardReveal(holder.session, lang, cardId, entered);
      if (!started.ok || !started.revealToken) {
        action.setErrors([...(started.error ? [started.error] : []), ...started.fieldErrors].map(errorFromData));
        return;
      }
      const shown = await revealCardDetails(holder.session, lang, cardId, started.revealToken);
      if (!shown.ok || !shown.details) {
        if (shown.error) action.setErrors([errorFromData(shown.error)]);
        return;
      }
      const { cardNumber, expiry, cvv2 } = shown.details;
      setDetails({ cardNumber, expiry, cvv2 });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setDetails(null), HIDE_AFTER_MS);
    });

  return (
    <section data-testid="reveal">
      <h4>{t.holder.revealTitle}</h4>
      {!details && (
        <form
          autoComplete="off"
          onSubmit={(e) => {
            e.preventDefault();
            reveal();
          }}
        >
          <p className="muted">{t.holder.revealHint}</p>
          <label>
            <span>{t.holder.paymentPassword}</span>
            <input
              data-testid="reveal-password"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <button type="submit" data-testid="reveal-details" disabled={action.busy}>
            {action.busy ? t.holder.working : t.holder.reveal}
          </button>
        </form>
      )}
      {details && (
        <div className="details" data-testid="card-details">
          <dl className="figures">
            <div>
              <dt>{t.holder.cardNumber}</dt>
              <dd data-testid="detail-number">{grouped(details.cardNumber)}</dd>
            </div>
            <div>
              <dt>{t.expiry}</dt>
              <dd data-testid="detail-expiry">{details.expiry}</dd>
            </div>
            <div>
              <dt>{t.holder.cvv2}</dt>
              <dd data-testid="detail-cvv2">{details.cvv2}</dd>
            </div>
          </dl>
          <p className="muted">{t.holder.hidesIn(HIDE_AFTER_MS / 1000)}</p>
          <button type="button" data-testid="hide-details" onClick={hide}>
            {t.holder.hide}
          </button>
        </div>
      )}
      <Feedback errors={action.errors} notice={action.notice} ctx={ctx} />
    </section>
  );
}
