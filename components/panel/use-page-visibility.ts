// A hidden panel (a background tab, a minimized window) does not count as reading its thread.
import { useEffect } from 'preact/hooks';

export function usePageVisibility(setVisible: (visible: boolean) => void) {
  useEffect(() => {
    const update = () => setVisible(document.visibilityState !== 'hidden');
    update();
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, [setVisible]);
}
