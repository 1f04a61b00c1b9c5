// Keeps `model.page` on the page in the active tab, without asking for any permission.
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readActivePage } from '@/utils/page-context';
import type { PanelModel } from '@/utils/panel/models';

export function useActivePage(model: PanelModel) {
  useEffect(() => {
    let stale = false;
    const refresh = () => {
      void readActivePage()
        .then((page) => {
          if (stale) return;
          if (page) model.page.value = page;
          // Without the `tabs` permission another tab's URL is hidden. A page the user chose to attach
          // (by the toggle or the context menu) stays; one merely shown must not linger as if it were
          // the page now in front.
          else if (!model.attachPage.value) model.page.value = null;
        })
        .catch(() => {});
    };
    const onUpdated = (_id: number, change: { url?: string; title?: string; status?: string }) => {
      if (change.url || change.title || change.status === 'complete') refresh();
    };
    refresh();
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      stale = true;
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [model]);
}
