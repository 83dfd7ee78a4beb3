/** What every holder panel needs besides the words: who is signed in, and how to read the view again after a change. */
import type { Session } from '../api';

export interface Holder {
  session: Session;
  /** Reads the card view again, so the page shows what the platforms now hold. */
  refresh: () => Promise<void>;
}
