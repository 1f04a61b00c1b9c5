// A notification click asks the panel to show one conversation (the background writes the request to
// storage.session, because it cannot message a panel that is only now opening).
import { useEffect } from 'preact/hooks';
import { openConversationItem } from '@/utils/draft-handoff';
import type { PanelModel } from '@/utils/panel/models';

export function useOpenRequest(model: PanelModel) {
  useEffect(() => {
    const take = (conversationId: number | null) => {
      if (conversationId === null) return;
      void model.openConversation(conversationId);
      void openConversationItem.setValue(null);
    };
    void openConversationItem.getValue().then(take);
    return openConversationItem.watch(take);
  }, [model]);
}
