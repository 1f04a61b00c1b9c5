// The composer: the draft of each view (kept when switching and across closing the panel), sending, and
// the customer's own typing indicator (`toggle_typing` on once, off after a pause).
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Connector } from '../connector';
import type { ThreadMessage } from '../protocol';
import type { FilesModel } from './files-model';
import type { PageModel } from './page-model';
import { readonly } from './readonly';

export type PanelView = { kind: 'list' } | { kind: 'thread'; conversationId: number } | { kind: 'new' };

const OWN_TYPING_IDLE_MS = 3_000;

/** Where a view's draft is kept: `new`, or `c<conversation id>`; the list has none. */
export function draftKey(view: PanelView): string | null {
  if (view.kind === 'thread') return `c${view.conversationId}`;
  return view.kind === 'new' ? 'new' : null;
}

function withDraft(drafts: Record<string, string>, key: string | null, text: string): Record<string, string> {
  if (key === null || (drafts[key] ?? '') === (text.trim() ? text : '')) return drafts;
  const next = { ...drafts };
  if (text.trim()) next[key] = text;
  else delete next[key];
  return next;
}

export interface ComposerParts {
  view: ReadonlySignal<PanelView>;
  page: PageModel;
  files: FilesModel;
  fail: (e: unknown) => void;
}

export function createComposerModel(connector: Connector, { view, page, files, fail }: ComposerParts) {
  const draft = signal('');
  const drafts = signal<Record<string, string>>({});
  /** Echo ids of the messages sent from this panel's "new conversation" view, until it exists. */
  const newEchoIds = signal<string[]>([]);
  /** Bumped to move the focus into the composer. */
  const focus = signal(0);
  let ownTypingOff: ReturnType<typeof setTimeout> | undefined;
  let ownTyping: number | null = null;

  function stopTyping() {
    clearTimeout(ownTypingOff);
    if (ownTyping === null) return;
    const conversationId = ownTyping;
    ownTyping = null;
    void connector.request({ type: 'typing', conversationId, on: false }).catch(() => {});
  }

  function noteTyping() {
    const v = view.peek();
    if (v.kind !== 'thread') return;
    if (ownTyping !== v.conversationId) {
      stopTyping();
      ownTyping = v.conversationId;
      void connector.request({ type: 'typing', conversationId: v.conversationId, on: true }).catch(() => {});
    }
    clearTimeout(ownTypingOff);
    ownTypingOff = setTimeout(stopTyping, OWN_TYPING_IDLE_MS);
  }

  return {
    draft: readonly(draft),
    focus: readonly(focus),
    newEchoIds: readonly(newEchoIds),
    /** Every view's unsent text, the current one included: what the panel keeps across closing. */
    allDrafts: computed(() => withDraft(drafts.value, draftKey(view.value), draft.value)),
    pendingNew: (unsent: readonly ThreadMessage[]) =>
      unsent.filter((m) => m.echoId !== undefined && newEchoIds.value.includes(m.echoId)),
    setDraft(text: string) {
      draft.value = text;
      noteTyping();
    },
    /** Keep the draft of the view left; bring back the one of the view entered. Called as the view changes. */
    switchDraft(from: PanelView, to: PanelView, text?: string) {
      stopTyping();
      batch(() => {
        drafts.value = withDraft(drafts.value, draftKey(from), draft.value);
        const key = draftKey(to);
        draft.value = text ?? ((key && drafts.value[key]) || '');
      });
    },
    /** Drafts saved by an earlier panel; the current view's comes back unless the user already typed. */
    restoreDrafts(saved: Record<string, string>) {
      batch(() => {
        drafts.value = { ...saved, ...drafts.value };
        const key = draftKey(view.peek());
        if (key && !draft.value && saved[key]) draft.value = saved[key];
      });
    },
    requestFocus: () => void focus.value++,
    forgetNew: () => void (newEchoIds.value = []),
    /** Sends the text and the files; nothing goes while a file cannot (its chip says why). */
    async send() {
      const content = draft.peek().trim();
      const v = view.peek();
      const waiting = files.files.peek();
      if (v.kind === 'list' || (!content && waiting.length === 0) || !files.ready.peek()) return;
      const conversationId = v.kind === 'thread' ? v.conversationId : null;
      const withPage = page.attach.peek() ? (page.page.peek() ?? undefined) : undefined;
      const attachments = files.take();
      stopTyping();
      draft.value = '';
      try {
        // In a new conversation not created yet, more messages follow the first one into it.
        const follows = conversationId === null ? newEchoIds.peek()[0] : undefined;
        const { echoId } = await connector.request({
          type: 'message.send', conversationId, content, page: withPage,
          ...(attachments.length ? { attachments } : {}),
          ...(follows ? { follows } : {}),
        });
        page.sent();
        if (conversationId === null) newEchoIds.value = [...newEchoIds.peek(), echoId];
      } catch (e) {
        if (!draft.peek()) draft.value = content; // never lose what the user typed, nor the files
        files.restore(waiting);
        fail(e);
      }
    },
    /** A card's postback: the customer answers with its text, as if typed. */
    async reply(content: string) {
      const v = view.peek();
      if (v.kind !== 'thread' || !content.trim()) return;
      await connector.request({ type: 'message.send', conversationId: v.conversationId, content }).catch((e: unknown) => {
        fail(e);
        throw e; // the card offers its postback again
      });
    },
    stopTyping,
  };
}

