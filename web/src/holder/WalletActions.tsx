/** The card's wallets: each active binding with a way to take the card out, and pushing the card into another wallet. */
import { useEffect, useState } from 'react';
import { loadWalletChoices, provisionCardToWallet, removeWalletBinding, type CardView, type WalletChoice } from '../api';
import { errorFromData } from '../errors';
import { localized } from '../i18n';
import type { Ctx } from '../ui';
import { Feedback } from './Feedback';
import type { Holder } from './holder';
import { useAction } from './use-action';

export function WalletActions({ card, ctx, holder }: { card: CardView; ctx: Ctx; holder: Holder }) {
  const { lang, t } = ctx;
  const action = useAction();
  const active = card.walletBindings.filter((b) => b.status === 'ACTIVE');
  // The wallets on offer are asked for here, once per panel, not in the card view.
  const [choices, setChoices] = useState<WalletChoice[]>([]);
  useEffect(() => {
    let current = true;
    loadWalletChoices(holder.session, lang).then(
      (loaded) => current && setChoices(loaded),
      () => current && setChoices([]),
    );
    return () => {
      current = false;
    };
  }, [holder.session, lang]);
  const unbound = choices.filter((w) => !active.some((b) => b.walletPlatform.id === w.platform.id));
  const [wallet, setWallet] = useState('');
  const chosen = unbound.find((w) => w.platform.id === wallet) ?? unbound[0];

  const provision = () =>
    void action.run(async () => {
      const target = chosen!.platform;
      const result = await provisionCardToWallet(holder.session, lang, card.id, target.id);
      if (!result.ok) {
        action.setErrors([...(result.error ? [result.error] : []), ...result.fieldErrors].map(errorFromData));
        return;
      }
      action.notify((tt, l) => tt.holder.provisioned(localized(target.displayName, l)));
      await holder.refresh();
    });

  const unbind = (binding: CardView['walletBindings'][number]) =>
    void action.run(async () => {
      if (!(await removeWalletBinding(holder.session, lang, binding.id))) return;
      const name = binding.walletPlatform.displayName;
      action.notify((tt, l) => tt.holder.unbound(localized(name, l)));
      await holder.refresh();
    });

  return (
    <section data-testid="wallets">
      <h4>{t.holder.walletsTitle}</h4>
      <ul className="wallets">
        {active.map((b) => (
          <li key={b.id} data-testid="wallet-binding" data-wallet={b.walletPlatform.id}>
            {localized(b.walletPlatform.displayName, lang)} <code className="muted">{b.verificationMethod}</code>{' '}
            <button type="button" data-testid="unbind" data-wallet={b.walletPlatform.id} disabled={action.busy} onClick={() => unbind(b)}>
              {t.holder.unbind}
            </button>
          </li>
        ))}
      </ul>
      {chosen && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            provision();
          }}
        >
          <p className="muted">{t.holder.walletsHint}</p>
          <select data-testid="provision-wallet" value={chosen.platform.id} onChange={(e) => setWallet(e.target.value)}>
            {unbound.map((w) => (
              <option key={w.platform.id} value={w.platform.id}>
                {localized(w.platform.displayName, lang)}
              </option>
            ))}
          </select>{' '}
          <button type="submit" data-testid="provision" disabled={action.busy}>
            {t.holder.provision}
          </button>
        </form>
      )}
      <Feedback errors={action.errors} notice={action.notice} ctx={ctx} />
    </section>
  );
}
