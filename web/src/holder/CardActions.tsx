/** What the holder can do with a card: see its details, lock it, set limits of their own, and manage its wallets. */
import type { CardView } from '../api';
import type { Ctx } from '../ui';
import type { Holder } from './holder';
import { LockToggle } from './LockToggle';
import { RevealDetails } from './RevealDetails';
import { SpendingControlsForm } from './SpendingControlsForm';
import { WalletActions } from './WalletActions';

export function CardActions({ card, ctx, holder }: { card: CardView; ctx: Ctx; holder: Holder }) {
  return (
    <section className="holder-actions" data-testid="holder-actions">
      <div className="columns">
        <RevealDetails cardId={card.id} ctx={ctx} holder={holder} />
        <LockToggle card={card} ctx={ctx} holder={holder} />
      </div>
      <div className="columns">
        <SpendingControlsForm card={card} ctx={ctx} holder={holder} />
        <WalletActions card={card} ctx={ctx} holder={holder} />
      </div>
    </section>
  );
}
