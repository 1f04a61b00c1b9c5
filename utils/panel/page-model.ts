// "Attach this page": the page in the active tab (read without asking when the browser shows it), and
// whether the next message carries it. Asking for the permission to read it happens in the user's click.
import { signal } from '@preact/signals';
import type { Connector } from '../connector';
import type { PageContext } from '../protocol';
import { readonly } from './readonly';

export type PageNotice = 'reading' | 'cant_read' | null;

export function createPageModel(connector: Connector) {
  const page = signal<PageContext | null>(null);
  const attach = signal(false);
  const notice = signal<PageNotice>(null);

  /** The active tab changed: show its page. Without the `tabs` permission another tab's address is hidden:
   *  a page the user chose to attach stays; one merely shown must not linger as if it were in front. */
  async function refresh() {
    const found = await connector.readPage().catch(() => null);
    if (found) page.value = found;
    else if (!attach.value) page.value = null;
  }

  return {
    page: readonly(page),
    attach: readonly(attach),
    notice: readonly(notice),
    refresh,
    /** The switch. Call from its change handler: turning it on may ask for a permission. */
    async setAttach(on: boolean) {
      notice.value = null;
      if (!on || page.value) return void (attach.value = on);
      const reading = connector.requestPage(); // first, while the click's gesture lasts
      attach.value = true;
      notice.value = 'reading';
      const found = await reading.catch(() => null);
      notice.value = found ? null : 'cant_read';
      if (found) page.value = found;
      else attach.value = false;
    },
    /** A page handed over by the context menu: attached to the new conversation. */
    attachPage(handed: PageContext) {
      page.value = handed;
      attach.value = true;
    },
    /** The page goes with one message, not every one after it. */
    sent: () => void (attach.value = false),
    watch: () => connector.watchPage(() => void refresh()),
  };
}

export type PageModel = ReturnType<typeof createPageModel>;
