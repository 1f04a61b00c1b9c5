// Older history on demand ('thread.older'): the window grows a page, and what the worker does not hold
// comes from the server (`before` its oldest message), a page at a time. The next page is fetched ahead,
// while the panel renders this one, so a reader paging back waits for the server only now and then.
import { placeholderConversation } from './chat-state';
import type { Session } from './session';
import { OLDER_PAGE, type Store } from './store';

/** The server's page size for GET messages: a shorter page means the history starts there. */
const MESSAGES_PAGE = 20;

export function createOlderPages(session: Session, store: Store) {
  const inFlight = new Map<number, Promise<number>>();
  const state = (id: number) => store.held(id) ?? placeholderConversation(id);

  /** One page before the oldest held message; answers how many messages it added. One at a time. */
  function fetchPage(id: number): Promise<number> {
    let page = inFlight.get(id);
    if (!page) {
      page = (async () => {
        const older = await session.require().api.listMessages(id, state(id).messages[0]?.id);
        return store.applyOlder(id, older, older.length >= MESSAGES_PAGE);
      })().finally(() => inFlight.delete(id));
      inFlight.set(id, page);
    }
    return page;
  }

  /** The server has older messages and the worker holds fewer than the window plus `ahead`. */
  const lacking = (id: number, ahead: number) => state(id).hasOlder && state(id).messages.length < store.windowOf(id) + ahead;

  /** Server pages until the worker holds the window plus `ahead` (a page that adds nothing ends it). */
  async function fill(id: number, ahead: number) {
    while (lacking(id, ahead)) if ((await fetchPage(id)) === 0) break;
  }

  return {
    /** Grows the thread's window by a page and holds what it shows, then the next page ahead. */
    async grow(id: number) {
      store.growWindow(id);
      await fill(id, 0);
      // Fetched ahead (a whole "load older" page: several server pages): its failure is not this request's,
      // and the next request tries again.
      void fill(id, OLDER_PAGE).catch(() => {});
    },
  };
}

export type OlderPages = ReturnType<typeof createOlderPages>;
