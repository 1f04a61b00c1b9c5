import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

/** The current time as a signal, ticking every `everyMs`, so relative times stay fresh. */
export function useNow(everyMs = 60_000) {
  const now = useSignal(new Date());
  useEffect(() => {
    const id = setInterval(() => (now.value = new Date()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}
