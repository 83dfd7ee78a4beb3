/** Locking and unlocking the card: a locked card declines every payment until unlocked. */
import { setCardLocked, type CardView } from '../api';
import { errorFromData } from '../errors';
import type { Ctx } from '../ui';
import { Feedback } from './Feedback';
import type { Holder } from './holder';
import { useAction } from './use-action';

export function LockToggle({ card, ctx, holder }: { card: CardView; ctx: Ctx; holder: Holder }) {
  const { lang, t } = ctx;
  const action = useAction();
  // Only an active card can be locked and only a locked one unlocked; a frozen or closed card is the issuer's.
  const lock = card.status === 'ACTIVE' ? true : card.status === 'LOCKED' ? false : null;

  const toggle = (locked: boolean) =>
    void action.run(async () => {
      const result = await setCardLocked(holder.session, lang, card.id, locked);
      if (!result.ok) {
        if (result.error) action.setErrors([errorFromData(result.error)]);
        return;
      }
      action.notify((tt) => (locked ? tt.holder.locked : tt.holder.unlocked));
      await holder.refresh();
    });

  return (
    <section data-testid="lock">
      <h4>{t.holder.lockTitle}</h4>
      {lock !== null && (
        <button
          type="button"
          data-testid="lock-toggle"
          data-action={lock ? 'lock' : 'unlock'}
          disabled={action.busy}
          onClick={() => toggle(lock)}
        >
          {lock ? t.holder.lock : t.holder.unlock}
        </button>
      )}
      <Feedback errors={action.errors} notice={action.notice} ctx={ctx} />
    </section>
  );
}
