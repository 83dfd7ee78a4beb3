/** For a customer with no card yet: apply for the credit line, then have the card issued on it. */
import type { CustomerView } from '../api';
import { Money, type Ctx } from '../ui';
import { ApplyForCreditLine } from './ApplyForCreditLine';
import { CardIssuance } from './CardIssuance';
import type { Holder } from './holder';

export function GetCard({ view, ctx, holder }: { view: CustomerView; ctx: Ctx; holder: Holder }) {
  const { lang, t } = ctx;
  const line = view.creditLine;
  return (
    <section className="panel" data-testid="get-card">
      <h2>{t.holder.getCardTitle}</h2>
      <ApplyForCreditLine hasLine={!!line} ctx={ctx} holder={holder} />
      {line && (
        <>
          <dl className="figures" data-testid="credit-line">
            <div>
              <dt>{t.limit}</dt>
              <dd>
                <Money fen={line.limitFen} lang={lang} testId="credit-limit" />
              </dd>
            </div>
            <div>
              <dt>{t.available}</dt>
              <dd className="strong">
                <Money fen={line.availableFen} lang={lang} testId="credit-available" />
              </dd>
            </div>
          </dl>
          <CardIssuance ctx={ctx} holder={holder} />
        </>
      )}
    </section>
  );
}
