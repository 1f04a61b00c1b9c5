// The context menu's "ask about this page / selection": start a new conversation prefilled with it.
import type { Signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { draftHandoffItem, draftText, type DraftHandoff } from '@/utils/draft-handoff';
import type { PanelModel } from '@/utils/panel/models';

export function useDraftHandoff(model: PanelModel, focusComposer: Signal<number>) {
  useEffect(() => {
    const take = (handoff: DraftHandoff | null) => {
      if (!handoff) return;
      model.startNewConversation({ page: handoff.page, text: draftText(handoff) });
      focusComposer.value++;
      void draftHandoffItem.setValue(null);
    };
    void draftHandoffItem.getValue().then(take);
    return draftHandoffItem.watch(take);
  }, [model]);
}
