// A hidden panel (a background tab, a minimized window) does not count as reading its thread.
import { useEffect } from 'preact/hooks';
import type { PanelModel } from '@/utils/panel/models';

export function usePageVisibility(model: PanelModel) {
  useEffect(() => {
    const update = () => (model.pageVisible.value = document.visibilityState !== 'hidden');
    update();
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, [model]);
}
