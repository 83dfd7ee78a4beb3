/** One holder action at a time per panel: busy while it runs, its failure in the canonical form, a notice once done. */
import { useCallback, useState } from 'react';
import { RequestFailed } from '../api';
import { unreachable, type PageError } from '../errors';
import type { Language, Messages } from '../i18n';

/** A notice in the page's words, so it follows a language switch. */
export type Notice = (t: Messages, lang: Language) => string;

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<PageError[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setErrors([]);
    setNotice(null);
    try {
      return await work();
    } catch (e) {
      setErrors([e instanceof RequestFailed ? e.error : unreachable()]);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  // A notice is itself a function: set it as a value, not as React's state updater.
  const notify = useCallback((next: Notice) => setNotice(() => next), []);
  return { busy, errors, setErrors, notice, notify, run };
}
