/**
 * The card activity as it happens: while a customer is signed in the page follows their
 * customerActivity subscription, shows one notification per event in the page's language
 * (a decline with its canonical message and remedy) and reads the card view again after each.
 */
import { useEffect, useRef, useState } from 'react';
import type { CustomerView, Session } from '../api';
import { followCustomerActivity, type ActivityEvent } from '../activity-feed';
import { canonicalError, type PageError } from '../errors';
import { localized, type Messages } from '../i18n';
import { formatFen, type Language } from '../money';
import { ErrorBox, type Ctx } from '../ui';

/** Notifications kept on screen; older ones give way. */
const SHOWN = 5;

function walletName(platformId: string | null, view: CustomerView | null, t: Messages, lang: Language): string {
  if (!platformId) return t.activity.aWallet;
  for (const card of view?.cards ?? [])
    for (const binding of card.walletBindings)
      if (binding.walletPlatform.id === platformId) return localized(binding.walletPlatform.displayName, lang);
  return t.activity.wallets[platformId] ?? platformId;
}

/** Whose limit an event is about: a card network's or a wallet's by name; null for the holder's own. */
function limitOwner(platformId: string | null, view: CustomerView | null, t: Messages, lang: Language): string | null {
  if (!platformId || platformId === 'cardholder') return null;
  return t.activity.networks[platformId] ?? walletName(platformId, view, t, lang);
}

function describe(event: ActivityEvent, view: CustomerView | null, t: Messages, lang: Language): string {
  const amount = event.amountFen == null ? '' : formatFen(Number(event.amountFen), lang);
  const masked = event.card?.maskedNumber ?? '';
  const merchant = event.merchantName ?? '';
  switch (event.type) {
    case 'PAYMENT_APPROVED':
      return t.activity.paymentApproved(amount, masked, merchant);
    case 'PAYMENT_DECLINED':
      return t.activity.paymentDeclined(amount, masked, merchant);
    case 'PAYMENT_REVERSED':
      return t.activity.paymentReversed(amount, masked);
    case 'BINDING_ADDED':
      return t.activity.bindingAdded(masked, walletName(event.platformId, view, t, lang));
    case 'BINDING_REMOVED':
      return t.activity.bindingRemoved(masked, walletName(event.platformId, view, t, lang));
    case 'REPAYMENT_POSTED':
      return t.activity.repaymentPosted(amount);
    case 'STATEMENT_ISSUED':
      return t.activity.statementIssued(fen(event.totalDueFen, lang), fen(event.minimumDueFen, lang), event.dueDate ?? '');
    case 'BILL_OVERDUE':
      return t.activity.billOverdue(fen(event.outstandingFen, lang), fen(event.minimumDueFen, lang), event.dueDate ?? '');
    case 'PENALTY_POSTED':
      return t.activity.penaltyPosted(amount, event.penaltyDate ?? '');
    case 'CARD_ISSUED':
      return t.activity.cardIssued(masked);
    case 'CARD_LOCKED':
      return t.activity.cardLocked(masked);
    case 'CARD_UNLOCKED':
      return t.activity.cardUnlocked(masked);
    case 'CUSTOMER_FROZEN':
      return t.activity.customerFrozen;
    case 'CUSTOMER_UNFROZEN':
      return t.activity.customerUnfrozen;
    case 'LIMIT_NEARLY_USED': {
      const usage = event.limitUsage;
      if (!usage) return '';
      // Whole percent, rounded down, in integers: 80 % shows as 80 until it truly is 81.
      const percent = Number((BigInt(usage.usedFen) * 100n) / BigInt(usage.limitFen));
      return t.activity.limitNearlyUsed(
        percent,
        fen(usage.usedFen, lang),
        fen(usage.limitFen, lang),
        t.activity.limitWindows[usage.window] ?? usage.window,
        limitOwner(event.platformId, view, t, lang),
      );
    }
  }
}

const fen = (value: string | number | null | undefined, lang: Language) => (value == null ? '' : formatFen(Number(value), lang));

export function ActivityNotifications({
  session,
  view,
  ctx,
  onActivity,
}: {
  session: Session;
  view: CustomerView | null;
  ctx: Ctx;
  /** Called after each event, to read the card view again. */
  onActivity: () => void;
}) {
  const [events, setEvents] = useState<ActivityEvent[]>([]);
  const [live, setLive] = useState(false);
  const [refused, setRefused] = useState<PageError | null>(null);
  // The latest callback without restarting the stream when the page re-renders.
  const onActivityRef = useRef(onActivity);
  onActivityRef.current = onActivity;
  const { lang, t } = ctx;

  useEffect(() => {
    setEvents([]);
    setRefused(null);
    // Events carry codes and figures only: their words are made here, in the page's language of the moment.
    return followCustomerActivity(session, {
      onEvent: (event) => {
        setEvents((shown) => [event, ...shown].slice(0, SHOWN));
        onActivityRef.current();
      },
      onLive: setLive,
      onRefused: setRefused,
    });
  }, [session]);

  return (
    <section className="activity" data-testid="activity" data-live={live} aria-live="polite">
      <div className="activity-head">
        <h3>{t.activity.title}</h3>
        <span className={live ? 'badge' : 'badge muted'} data-testid="activity-status">
          {live ? t.activity.live : t.activity.reconnecting}
        </span>
      </div>
      {refused && <ErrorBox error={refused} ctx={ctx} />}
      <ul className="notifications">
        {events.map((event) => (
          <li
            key={event.id}
            className={event.type === 'PAYMENT_DECLINED' ? 'notification declined' : 'notification'}
            role="status"
            data-testid="activity-notification"
            data-event-id={event.id}
            data-type={event.type}
            data-card-id={event.card?.id}
            data-fen={event.amountFen ?? undefined}
          >
            <p data-testid="activity-text">{describe(event, view, t, lang)}</p>
            {event.type === 'PAYMENT_DECLINED' && event.errorCode && (
              <ErrorBox error={canonicalError(event.errorCode, event.platformId ?? undefined)} ctx={ctx} />
            )}
            <button type="button" className="link" onClick={() => setEvents((shown) => shown.filter((e) => e.id !== event.id))}>
              {t.activity.dismiss}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
