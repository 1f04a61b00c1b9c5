// Brings back the drafts an earlier panel left, and saves them as the user types (debounced).
import { useSignal, useSignalEffect } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { draftsItem } from '@/utils/panel/drafts';
import type { PanelModel } from '@/utils/panel/models';

const SAVE_AFTER_MS = 400;

export function useSavedDrafts(model: PanelModel) {
  const restored = useSignal(false);
  useEffect(() => {
    void draftsItem.getValue().then((saved) => {
      model.restoreDrafts(saved);
      restored.value = true;
    });
  }, [model]);

  useSignalEffect(() => {
    const drafts = model.allDrafts.value;
    if (!restored.value) return; // never overwrite the saved drafts before they are read
    const timer = setTimeout(() => void draftsItem.setValue(drafts), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  });
}
