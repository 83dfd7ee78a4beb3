/** The card holder's page: sign in as a demo customer, then every card as all platforms see it. */
import { useCallback, useEffect, useState } from 'react';
import {
  currentSession,
  listDemoCustomers,
  loadCardView,
  RequestFailed,
  signIn,
  signOut,
  type CardView,
  type CustomerView,
  type DemoCustomer,
  type Session,
} from './api';
import { canonicalError, unreachable, type PageError } from './errors';
import { localized, MESSAGES, preferredLanguage, saveLanguage, type Language } from './i18n';
import { formatInstant } from './money';
import { ActivityNotifications } from './holder/ActivityNotifications';
import { CardActions } from './holder/CardActions';
import { GetCard } from './holder/GetCard';
import type { Holder } from './holder/holder';
import { ErrorBox, Money, type Ctx } from './ui';

function SignIn({ ctx, onSignIn }: { ctx: Ctx; onSignIn: (id: string) => void }) {
  const [customers, setCustomers] = useState<DemoCustomer[] | null>(null);
  const [error, setError] = useState<PageError | null>(null);
  const load = useCallback(() => {
    setError(null);
    listDemoCustomers(ctx.lang)
      .then(setCustomers)
      .catch((e) => setError(e instanceof RequestFailed ? e.error : unreachable()));
  }, [ctx.lang]);
  useEffect(load, [load]);
  const [customerId, setCustomerId] = useState('');
  const { t } = ctx;
  return (
    <section className="panel" data-testid="sign-in">
      <h2>{t.signInTitle}</h2>
      <p className="muted">{t.signInHint}</p>
      {error && <ErrorBox error={error} ctx={ctx} onRetry={load} />}
      {!customers && !error && <p>{t.loading}</p>}
      <ul className="customers">
        {customers?.map((c) => {
          const overdue = c.cards.some((card) => card.overdue.isOverdue);
          return (
            <li key={c.id}>
              <button type="button" data-testid="customer" data-customer-id={c.id} onClick={() => onSignIn(c.id)}>
                <span className="customer-name">{c.name}</span>
                <span className="muted">{c.cards.map((card) => card.maskedNumber).join(', ')}</span>
                {overdue && <span className="badge danger">{t.overdueBadge}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      {/* Customers beyond the first page (e.g. the applicants, README) by their id. */}
      <form
        className="sign-in-by-id"
        onSubmit={(e) => {
          e.preventDefault();
          if (customerId.trim()) onSignIn(customerId.trim());
        }}
      >
        <label>
          <span>{t.holder.signInById}</span>
          <input
            data-testid="sign-in-id"
            placeholder={t.holder.customerId}
            spellCheck={false}
            value={customerId}
            onChange={(e) => setCustomerId(e.target.value)}
          />
        </label>{' '}
        <button type="submit" data-testid="sign-in-by-id">
          {t.holder.signIn}
        </button>
      </form>
    </section>
  );
}

type Rule = CardView['payableNow'][number]['rules'][number];

/** Every rule met on the card's payment routes, once each, issuer first, then network, then wallets. */
function distinctRules(card: CardView): Rule[] {
  const seen = new Map<string, Rule>();
  for (const p of card.payableNow) for (const r of p.rules) if (!seen.has(r.ruleId)) seen.set(r.ruleId, r);
  const order = { ISSUER: 0, CLEARING: 1, WALLET: 2 } as Record<string, number>;
  return [...seen.values()].sort((a, b) => (order[a.platform.role] ?? 9) - (order[b.platform.role] ?? 9));
}

function Card({ card, view, ctx, holder }: { card: CardView; view: CustomerView; ctx: Ctx; holder: Holder }) {
  const line = view.creditLine;
  const { lang, t } = ctx;
  const bill = card.currentBill;
  return (
    <article className="card" data-testid="card" data-card-id={card.id}>
      <header className="card-face">
        <div className="masked" data-testid="masked-number">
          {card.maskedNumber}
        </div>
        <div className="card-meta">
          <span data-testid="issuer" data-platform={card.issuer.id}>
            {localized(card.issuer.displayName, lang)}
          </span>
          <span className="muted"> · {localized(card.issuingBank, lang)}</span>
          <span className="network" data-testid="network">
            {card.network}
          </span>
        </div>
        <div className="card-meta muted">
          {t.expiry} {card.expiry} · {t.status}: <span data-testid="card-status">{t.statuses[card.status] ?? card.status}</span>
        </div>
      </header>

      <CardActions card={card} ctx={ctx} holder={holder} />

      {card.overdue.isOverdue && (
        <section className="overdue" data-testid="overdue-warning" role="alert">
          <h3>⚠ {t.overdueTitle}</h3>
          <p>{t.overdueText(card.overdue.overdueDays)}</p>
          <dl className="figures">
            <div>
              <dt>{t.overdueAmount}</dt>
              <dd>
                <Money fen={card.overdue.overdueAmountFen} lang={lang} testId="overdue-amount" />
              </dd>
            </div>
            <div>
              <dt>{t.penalty}</dt>
              <dd>
                <Money fen={card.overdue.penaltyAccruedFen} lang={lang} testId="overdue-penalty" />
              </dd>
            </div>
            <div>
              <dt>{t.penaltyRule}</dt>
              <dd>{localized(card.overdue.penaltyRule, lang)}</dd>
            </div>
          </dl>
          <ErrorBox error={canonicalError('OVERDUE_DEBT', card.issuer.id)} ctx={ctx} />
        </section>
      )}

      <section>
        <h3>{t.payableNow}</h3>
        {card.payableNow.length === 0 && <p className="muted">{t.noBindings}</p>}
        <table>
          <thead>
            <tr>
              <th>{t.wallet}</th>
              <th className="num">{t.amountPayable}</th>
              <th>{t.boundBy}</th>
            </tr>
          </thead>
          <tbody>
            {card.payableNow.map((p) => (
              <tr key={p.walletPlatform.id} data-testid="payable" data-wallet={p.walletPlatform.id} data-rule-id={p.bindingRule.ruleId}>
                <td>{localized(p.walletPlatform.displayName, lang)}</td>
                <td className="num strong">
                  <Money fen={p.amountFen} lang={lang} testId="payable-amount" />
                </td>
                <td>
                  {localized(p.bindingRule.platform.displayName, lang)}: {localized(p.bindingRule.description, lang)}{' '}
                  <code className="muted">{p.bindingRule.ruleId}</code>
                  {p.bindingRule.blockedCode && (
                    <ErrorBox error={canonicalError(p.bindingRule.blockedCode, p.bindingRule.platform.id)} ctx={ctx} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <div className="columns">
        <section>
          <h3>{t.creditLine}</h3>
          <CreditLine line={line} ctx={ctx} />
        </section>
        <section>
          <h3>{t.bindings}</h3>
          <table>
            <thead>
              <tr>
                <th>{t.wallet}</th>
                <th>{t.verification}</th>
                <th>{t.status}</th>
                <th>{t.boundAt}</th>
              </tr>
            </thead>
            <tbody>
              {card.walletBindings.map((b) => (
                <tr key={b.id} data-testid="binding" data-wallet={b.walletPlatform.id}>
                  <td>{localized(b.walletPlatform.displayName, lang)}</td>
                  <td>
                    <code data-testid="verification">{b.verificationMethod}</code>
                  </td>
                  <td>{t.statuses[b.status] ?? b.status}</td>
                  <td>{formatInstant(b.boundAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      <section>
        <h3>{t.limits}</h3>
        <table>
          <thead>
            <tr>
              <th>{t.platform}</th>
              <th>{t.rule}</th>
              <th>{t.window}</th>
              <th className="num">{t.limit}</th>
              <th className="num">{t.used}</th>
              <th className="num">{t.remaining}</th>
            </tr>
          </thead>
          <tbody>
            {distinctRules(card).map((r) => (
              <tr key={r.ruleId} data-testid="limit" data-rule-id={r.ruleId} data-platform={r.platform.id}>
                <td>{localized(r.platform.displayName, lang)}</td>
                <td>
                  {localized(r.description, lang)} <code className="muted">{r.ruleId}</code>
                </td>
                <td>{t.windows[r.window] ?? r.window}</td>
                <td className="num">
                  <Money fen={r.limitFen} lang={lang} testId="limit-limit" />
                </td>
                <td className="num">
                  <Money fen={r.usedFen} lang={lang} testId="limit-used" />
                </td>
                <td className="num strong">
                  <Money fen={r.remainingFen} lang={lang} testId="limit-remaining" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section data-testid="bill">
        <h3>{t.bill}</h3>
        {!bill && <p className="muted">{t.noBill}</p>}
        {bill && (
          <>
            <dl className="figures">
              <div>
                <dt>{t.statementDate}</dt>
                <dd data-testid="bill-statement-date">{bill.statementDate}</dd>
              </div>
              <div>
                <dt>{t.dueDate}</dt>
                <dd data-testid="bill-due-date">{bill.dueDate}</dd>
              </div>
              <div>
                <dt>{t.totalDue}</dt>
                <dd>
                  <Money fen={bill.totalDueFen} lang={lang} testId="bill-total" />
                </dd>
              </div>
              <div>
                <dt>{t.minimumDue}</dt>
                <dd>
                  <Money fen={bill.minimumDueFen} lang={lang} testId="bill-minimum" />
                </dd>
              </div>
              <div>
                <dt>{t.paid}</dt>
                <dd>
                  <Money fen={bill.paidFen} lang={lang} testId="bill-paid" />
                </dd>
              </div>
              <div>
                <dt>{t.outstanding}</dt>
                <dd>
                  <Money fen={bill.outstandingFen} lang={lang} testId="bill-outstanding" />
                </dd>
              </div>
              <div>
                <dt>{t.status}</dt>
                <dd data-testid="bill-status" className={bill.status === 'OVERDUE' ? 'danger-text' : undefined}>
                  {t.statuses[bill.status] ?? bill.status}
                </dd>
              </div>
            </dl>
            <table>
              <thead>
                <tr>
                  <th>{t.posted}</th>
                  <th>{t.kind}</th>
                  <th>{t.merchant}</th>
                  <th>{t.wallet}</th>
                  <th className="num">{t.amount}</th>
                </tr>
              </thead>
              <tbody>
                {bill.items.edges.map(({ node }) => (
                  <tr key={node.id} data-testid="bill-item" data-item-id={node.id}>
                    <td>{formatInstant(node.postedAt, lang)}</td>
                    <td>{t.kinds[node.kind] ?? node.kind}</td>
                    <td>{node.transaction?.merchant.name ?? '—'}</td>
                    <td>{node.transaction ? localized(node.transaction.walletPlatform.displayName, lang) : '—'}</td>
                    <td className="num">
                      <Money fen={node.amountFen} lang={lang} testId="bill-item-amount" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {bill.items.pageInfo.hasNextPage && <p className="muted">{t.moreItems(bill.items.edges.length, bill.items.totalCount)}</p>}
          </>
        )}
      </section>

      <section className="repay" data-testid="repay-at" data-platform={card.repayAt.platform.id}>
        <h3>{t.repayAt}</h3>
        <p>
          <strong>{localized(card.repayAt.platform.displayName, lang)}</strong>: {localized(card.repayAt.channel, lang)}
        </p>
        <p className="muted">{t.repayHint}</p>
      </section>
    </article>
  );
}

type CreditLineView = CustomerView['creditLine'];

function CreditLine({ line, ctx }: { line: CreditLineView; ctx: Ctx }) {
  const { lang, t } = ctx;
  if (!line) return <p className="muted">—</p>;
  const usedPercent = line.limitFen > 0 ? Math.min(100, Math.round((line.usedFen * 100) / line.limitFen)) : 0;
  return (
    <div data-testid="credit-line">
      <dl className="figures">
        <div>
          <dt>{t.limit}</dt>
          <dd>
            <Money fen={line.limitFen} lang={lang} testId="credit-limit" />
          </dd>
        </div>
        <div>
          <dt>{t.used}</dt>
          <dd>
            <Money fen={line.usedFen} lang={lang} testId="credit-used" />
          </dd>
        </div>
        <div>
          <dt>{t.available}</dt>
          <dd className="strong">
            <Money fen={line.availableFen} lang={lang} testId="credit-available" />
          </dd>
        </div>
      </dl>
      <div className="meter" aria-hidden="true">
        <div style={{ width: `${usedPercent}%` }} />
      </div>
    </div>
  );
}

export function App() {
  const [lang, setLang] = useState<Language>(preferredLanguage);
  const [session, setSession] = useState<Session | null>(currentSession);
  const [view, setView] = useState<CustomerView | null>(null);
  const [error, setError] = useState<PageError | null>(null);
  const t = MESSAGES[lang];
  const ctx: Ctx = { lang, t };

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `Cardweave · ${t.title}`;
  }, [lang, t.title]);

  const load = useCallback(() => {
    if (!session) return;
    setError(null);
    loadCardView(session, lang)
      .then(setView)
      .catch((e) => setError(e instanceof RequestFailed ? e.error : unreachable()));
    // The view does not depend on the language; it is fetched once per session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);
  useEffect(load, [load]);

  // After a holder's action: the view read again, kept on screen meanwhile; a failure shows as any other.
  const holder: Holder | null = session
    ? {
        session,
        refresh: () =>
          loadCardView(session, lang)
            .then(setView)
            .catch((e) => setError(e instanceof RequestFailed ? e.error : unreachable())),
      }
    : null;

  const switchLanguage = () => {
    const next: Language = lang === 'zh-CN' ? 'en' : 'zh-CN';
    saveLanguage(next);
    setLang(next);
  };

  return (
    <div className="page">
      <header className="top">
        <div>
          <h1>{t.title}</h1>
          <p className="muted">{t.tagline}</p>
        </div>
        <div className="top-actions">
          {session && view && (
            <span>
              {t.signedInAs} <strong data-testid="customer-name">{view.name}</strong>
            </span>
          )}
          {session && (
            <button
              type="button"
              data-testid="switch-customer"
              onClick={() => {
                signOut();
                setSession(null);
                setView(null);
              }}
            >
              {t.switchCustomer}
            </button>
          )}
          <button type="button" data-testid="switch-language" onClick={switchLanguage}>
            {t.switchLanguage}
          </button>
        </div>
      </header>
      <main>
        {!session && error && <ErrorBox error={error} ctx={ctx} />}
        {!session && (
          <SignIn
            ctx={ctx}
            onSignIn={(id) => {
              setError(null);
              signIn(id)
                .then(setSession)
                .catch((e) => setError(e instanceof RequestFailed ? e.error : unreachable()));
            }}
          />
        )}
        {session && error && <ErrorBox error={error} ctx={ctx} onRetry={load} />}
        {session && !view && !error && <p>{t.loading}</p>}
        {holder && <ActivityNotifications session={holder.session} view={view} ctx={ctx} onActivity={() => void holder.refresh()} />}
        {session && view && view.cards.length === 0 && <p>{t.noCards}</p>}
        {holder && view && view.cards.length === 0 && <GetCard view={view} ctx={ctx} holder={holder} />}
        {holder && view && (
          <div data-testid="cards">
            {view.cards.map((card) => (
              <Card key={card.id} card={card} view={view} ctx={ctx} holder={holder} />
            ))}
          </div>
        )}
      </main>
    </div>
  );
}
