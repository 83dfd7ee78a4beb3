/**
 * The holder's own limits on the card (per payment, per day, per month, typed in CNY and sent
 * in whole fen) and the merchant categories it may not pay at. An amount that is not one is a
 * field-level error here and nothing is sent; the issuer's own refusal names its field too.
 */
import { useState } from 'react';
import { RequestFailed, setSpendingControls, type CardView, type MerchantCategoryGroup } from '../api';
import { canonicalError, type PageError } from '../errors';
import { fenToCnyInput, parseCnyToFen } from '../money';
import { ErrorBox, Money, type Ctx } from '../ui';
import { Feedback } from './Feedback';
import type { Holder } from './holder';
import { useAction } from './use-action';

const GROUPS: MerchantCategoryGroup[] = ['GAMBLING', 'QUASI_CASH', 'DIGITAL_GOODS', 'TRAVEL', 'DINING', 'GROCERY', 'FUEL'];
const AMOUNTS = ['perPaymentFen', 'dailyFen', 'monthlyFen'] as const;
type AmountField = (typeof AMOUNTS)[number];
const TEST_IDS: Record<AmountField, string> = { perPaymentFen: 'per-payment', dailyFen: 'daily', monthlyFen: 'monthly' };

export function SpendingControlsForm({ card, ctx, holder }: { card: CardView; ctx: Ctx; holder: Holder }) {
  const { lang, t } = ctx;
  const action = useAction();
  const current = card.spendingControls;
  const [amounts, setAmounts] = useState<Record<AmountField, string>>({
    perPaymentFen: fenToCnyInput(current.perPaymentFen),
    dailyFen: fenToCnyInput(current.dailyFen),
    monthlyFen: fenToCnyInput(current.monthlyFen),
  });
  const [blocked, setBlocked] = useState<MerchantCategoryGroup[]>(current.blockedMerchantCategories);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<AmountField, PageError>>>({});
  const labels: Record<AmountField, string> = {
    perPaymentFen: t.holder.perPayment,
    dailyFen: t.holder.daily,
    monthlyFen: t.holder.monthly,
  };

  const save = () => {
    const fen: Partial<Record<AmountField, number | null>> = {};
    const wrong: Partial<Record<AmountField, PageError>> = {};
    for (const field of AMOUNTS) {
      const parsed = parseCnyToFen(amounts[field]);
      if (parsed === undefined) wrong[field] = { ...canonicalError('INVALID_FORMAT'), field };
      else fen[field] = parsed;
    }
    setFieldErrors(wrong);
    if (Object.keys(wrong).length) return;
    void action.run(async () => {
      try {
        const input = {
          perPaymentFen: fen.perPaymentFen ?? null,
          dailyFen: fen.dailyFen ?? null,
          monthlyFen: fen.monthlyFen ?? null,
          blockedMerchantCategories: blocked,
        };
        const result = await setSpendingControls(holder.session, lang, card.id, input);
        if (result.ok) {
          action.notify((tt) => tt.holder.controlsSaved);
          await holder.refresh();
        }
      } catch (e) {
        // The issuer names the field at fault (input.dailyFen): show it at that field.
        const field = e instanceof RequestFailed ? AMOUNTS.find((f) => e.error.field?.endsWith(f)) : undefined;
        if (!field) throw e;
        setFieldErrors({ [field]: (e as RequestFailed).error });
      }
    });
  };

  const set =
    current.perPaymentFen != null || current.dailyFen != null || current.monthlyFen != null || current.blockedMerchantCategories.length > 0;
  return (
    <section data-testid="spending-controls">
      <h4>{t.holder.controlsTitle}</h4>
      <p className="muted">{t.holder.controlsHint}</p>
      <dl className="figures" data-testid="controls-current">
        {!set && <p className="muted">{t.holder.noControls}</p>}
        {AMOUNTS.filter((f) => current[f] != null).map((f) => (
          <div key={f}>
            <dt>{labels[f]}</dt>
            <dd>
              <Money fen={current[f]!} lang={lang} testId={`control-current-${TEST_IDS[f]}`} />
            </dd>
          </div>
        ))}
        {current.blockedMerchantCategories.length > 0 && (
          <div>
            <dt>{t.holder.blockedCategories}</dt>
            <dd data-testid="control-current-blocked" data-groups={current.blockedMerchantCategories.join(',')}>
              {current.blockedMerchantCategories.map((g) => t.holder.categories[g] ?? g).join(lang === 'zh-CN' ? '、' : ', ')}
            </dd>
          </div>
        )}
      </dl>
      <form
        className="controls-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        {AMOUNTS.map((f) => (
          <label key={f}>
            <span>{labels[f]} (CNY)</span>
            <input
              data-testid={`control-${TEST_IDS[f]}`}
              inputMode="decimal"
              value={amounts[f]}
              aria-invalid={fieldErrors[f] ? true : undefined}
              onChange={(e) => setAmounts({ ...amounts, [f]: e.target.value })}
            />
            {fieldErrors[f] && (
              <span className="field-error" data-testid="field-error" data-field={f}>
                {t.holder.notAnAmount}
                <ErrorBox error={fieldErrors[f]} ctx={ctx} />
              </span>
            )}
          </label>
        ))}
        <fieldset>
          <legend>{t.holder.blockedCategories}</legend>
          {GROUPS.map((g) => (
            <label key={g} className="check">
              <input
                type="checkbox"
                data-testid="control-category"
                value={g}
                checked={blocked.includes(g)}
                onChange={(e) => setBlocked(e.target.checked ? [...blocked, g] : blocked.filter((b) => b !== g))}
              />
              {t.holder.categories[g] ?? g}
            </label>
          ))}
        </fieldset>
        <button type="submit" data-testid="save-controls" disabled={action.busy}>
          {action.busy ? t.holder.working : t.holder.saveControls}
        </button>
      </form>
      <Feedback errors={action.errors} notice={action.notice} ctx={ctx} />
    </section>
  );
}
