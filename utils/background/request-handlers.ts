// What the background does for each request of the pages: the handler map the router dispatches through.
import { pageLine } from '../page-context';
import { draftsMailbox } from '../protocol/mailboxes';
import type { RequestHandlers } from '../protocol/requests';
import { MAX_FILE_BYTES } from '../files/file-store';
import { CodedError } from '../protocol/errors';
import { captureScreenshot as capture } from './screenshot';
import { connect, type ConnectDeps } from './connect';
import type { CableEventHandler } from './cable-events';
import { managedFields, withManaged } from './managed-settings';
import type { Handoffs } from './handoffs';
import type { SessionOutbox } from './outbox';
import type { OlderPages } from './older-pages';
import { panelStatus, type PanelPublisher } from './panel-publisher';
import type { Session } from './session';
import type { Store } from './store';
import { outboxMessage, summarize } from './views';

export interface HandlerParts {
  session: Session;
  store: Store;
  outbox: SessionOutbox;
  events: CableEventHandler;
  handoffs: Handoffs;
  older: OlderPages;
  toPanels: Pick<PanelPublisher, 'view' | 'older'>;
  deps: ConnectDeps;
}

export function createRequestHandlers({ session, store, outbox, events, handoffs, older, toPanels, deps }: HandlerParts): RequestHandlers {
  return {
    async connect({ settings: typed }) {
      const input = await withManaged(typed); // a browser policy's values win over what was typed
      const outcome = await connect(input, session.current.peek()?.stored ?? null, deps);
      if (!outcome.ok) return outcome;
      await session.adopt({ ...session.settings.peek(), ...outcome.settings }, outcome.session);
      return { ok: true, ...(outcome.inboxName ? { inboxName: outcome.inboxName } : {}) };
    },
    async 'settings.get'() {
      const { notifications, ...fields } = session.settings.peek();
      return { ...fields, notifications, managed: await managedFields() };
    },
    async 'settings.notifications'({ on }) {
      await session.setNotifications(on);
      return null;
    },
    async 'snapshot.get'() {
      return {
        status: panelStatus(store, session),
        conversations: [...store.conversations.peek().values()].map(summarize),
        unsent: store.pending.peek().filter((item) => item.conversationId === null).map(outboxMessage),
      };
    },
    /** Painted from what is held; a conversation not held yet is fetched and pushed when it comes. */
    async 'thread.open'({ conversationId, panel }) {
      if (!store.held(conversationId)) void events.fetchConversation(conversationId);
      return toPanels.view(panel, conversationId);
    },
    /** The window grows a page; the answer is the rows before the panel's oldest, not the whole window. */
    async 'thread.older'({ conversationId: id, before, panel }) {
      await older.grow(id);
      return toPanels.older(panel, id, before);
    },
    /** One message per file, the text with the first, so a file the server refuses fails alone. */
    async 'message.send'({ conversationId: asked, content, page, attachments = [], follows }) {
      if (!content.trim() && attachments.length === 0) throw new CodedError('invalid_request');
      if (attachments.some((file) => file.size > MAX_FILE_BYTES)) throw new CodedError('file_too_large');
      // A second message typed before the new conversation exists goes to it, not to one of its own.
      const conversationId = asked ?? (follows !== undefined ? (store.started.peek().get(follows) ?? null) : null);
      const after = conversationId === null ? follows : undefined;
      const [first, ...more] = attachments;
      const echoId = await outbox.enqueue({
        ...(after ? { follows: after } : {}),
        conversationId,
        content: page ? `${content}\n\n${pageLine(page)}`.trim() : content,
        ...(conversationId === null && !after && page ? { customAttributes: { page_url: page.url, page_title: page.title } } : {}),
        ...(first ? { attachments: [first] } : {}),
      });
      for (const file of more) {
        await outbox.enqueue({ conversationId, content: '', attachments: [file], ...(conversationId === null ? { follows: after ?? echoId } : {}) });
      }
      return { conversationId, echoId };
    },
    'screenshot.capture': () => capture(),
    async 'message.retry'({ echoId }) {
      await outbox.retry(echoId);
      return null;
    },
    async 'message.submit'({ conversationId, messageId, values }) {
      store.applyMessage(await session.require().api.submitMessage(conversationId, messageId, values));
      return null;
    },
    async typing({ conversationId, on }) {
      await session.current.peek()?.api.toggleTyping(conversationId, on).catch(() => {});
      return null;
    },
    async 'conversation.resolve'({ conversationId }) {
      store.applyConversation(await session.require().api.resolveConversation(conversationId), true);
      return null;
    },
    'handoff.take': () => handoffs.take(),
    'drafts.get': () => draftsMailbox.getValue(),
    async 'drafts.save'({ drafts }) {
      await draftsMailbox.setValue(drafts);
      return null;
    },
  };
}
