// The side panel's models wired together: which view is on screen, the background's events routed to the
// model each concerns, and the hand-offs, drafts and active page kept through the connector. Components
// read these models' signals and call their actions; only the models talk to the connector.
import { batch, computed, effect, signal } from '@preact/signals';
import type { Connector } from '../connector';
import type { BackgroundEvent } from '../protocol';
import type { Handoff } from '../protocol/mailboxes';
import { CodedError } from '../protocol/errors';
import { createComposerModel, type PanelView } from './composer-model';
import { createConnectionModel } from './connection-model';
import { createFilesModel } from './files-model';
import { handoffText } from './handoff-text';
import { createListModel } from './list-model';
import { createPageModel } from './page-model';
import { readonly } from './readonly';
import { createThreadModel } from './thread-model';

const SAVE_DRAFTS_AFTER_MS = 400;

export function createPanelModel(connector: Connector) {
  const view = signal<PanelView>({ kind: 'list' });
  /** The panel's document is visible (not a hidden tab or a minimized window). */
  const pageVisible = signal(true);
  const connection = createConnectionModel();
  const fail = connection.fail;
  const list = createListModel();
  const page = createPageModel(connector);
  const shownId = computed(() => (view.value.kind === 'thread' ? view.value.conversationId : null));
  const thread = createThreadModel(connector, shownId, fail);
  const files = createFilesModel(connector);
  const composer = createComposerModel(connector, { view, page, files, fail });
  const pendingNew = computed(() => composer.pendingNew(list.unsent.value));
  /** New conversations the background started, by the echo id of their first message: the event can
   *  arrive before the answer to the send request that tells us that echo id. */
  const started = signal<ReadonlyMap<string, number>>(new Map());

  function go(next: PanelView, text?: string) {
    batch(() => {
      composer.switchDraft(view.peek(), next, text);
      view.value = next;
    });
  }

  function openConversation(conversationId: number) {
    go({ kind: 'thread', conversationId });
    return thread.open(conversationId);
  }

  function startNewConversation(options: { text?: string } = {}) {
    go({ kind: 'new' }, options.text);
    composer.forgetNew();
    composer.requestFocus();
  }

  // In the new-conversation view, go to the conversation our first message started, once it exists.
  const stopFollowing = effect(() => {
    const sent = composer.newEchoIds.value;
    if (view.peek().kind !== 'new') return;
    const byEcho = started.value;
    const id = sent.map((echoId) => byEcho.get(echoId)).find((found) => found !== undefined);
    if (id === undefined) return;
    composer.forgetNew();
    void openConversation(id);
  });

  function onEvent(event: BackgroundEvent) {
    switch (event.type) {
      case 'status':
        return connection.apply(event.status);
      case 'conversations':
        return list.patch(event.upsert, event.remove);
      case 'unsent':
        return list.setUnsent(event.messages);
      case 'thread':
        return thread.accept(event.thread);
      case 'thread.patch':
        return thread.patch(event.patch);
      case 'typing':
        return thread.setTyping(event.conversationId, event.agent);
      case 'conversation.started':
        started.value = new Map(started.peek()).set(event.echoId, event.conversationId);
    }
  }

  async function refresh() {
    try {
      const snapshot = await connector.request({ type: 'snapshot.get' });
      batch(() => {
        connection.apply(snapshot.status);
        list.replace(snapshot.conversations, snapshot.unsent);
      });
      const id = shownId.peek();
      if (id !== null) thread.accept(await connector.request({ type: 'thread.open', conversationId: id, panel: connector.panelId }));
    } catch (e) {
      fail(e);
    }
  }

  function takeHandoff(handoff: Handoff) {
    if (handoff.kind === 'conversation') return void openConversation(handoff.conversationId);
    if (handoff.kind === 'screenshot.failed') return fail(new CodedError('no_screenshot'));
    if (handoff.kind === 'screenshot') {
      // A new conversation unless one is on screen: the screenshot is usually about it.
      if (view.peek().kind === 'list') startNewConversation();
      if (handoff.page) page.attachPage(handoff.page);
      return void files.addStored(handoff.file);
    }
    startNewConversation({ text: handoffText(handoff) || undefined });
    page.attachPage(handoff.page);
  }

  /** The thread the user can actually see: it is read as replies arrive and gets no notification. */
  // Which thread is on screen: none while the page is hidden. A thread shown again as the page comes back
  // is not opened anew (the background keeps the reader's place in it); one opened from elsewhere is.
  let lastShown: number | null = null;
  const stopReportingView = effect(() => {
    const id = shownId.value;
    if (!pageVisible.value) return connector.setView(null);
    connector.setView(id, id !== null && id !== lastShown);
    lastShown = id;
  });
  const unsubscribe = connector.subscribe(onEvent, () => void refresh());

  /** Hand-offs, saved drafts and the active page: for a real panel (tests of one screen skip them). */
  function start() {
    const stopHandoffs = connector.onHandoff(takeHandoff);
    const stopPage = page.watch();
    void page.refresh();
    let restored = false;
    void connector.loadDrafts().then((saved) => {
      composer.restoreDrafts(saved);
      restored = true;
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stopSaving = effect(() => {
      const drafts = composer.allDrafts.value;
      clearTimeout(timer);
      // Never overwrite the saved drafts before they are read.
      if (restored) timer = setTimeout(() => void connector.saveDrafts(drafts), SAVE_DRAFTS_AFTER_MS);
    });
    return () => {
      stopHandoffs();
      stopPage();
      stopSaving();
    };
  }

  return {
    view: readonly(view),
    connection,
    list,
    thread,
    composer,
    files,
    page,
    /** "Send a screenshot" in the panel: the browser lets it when activeTab covers the page in front. */
    async captureScreenshot() {
      await connector.request({ type: 'screenshot.capture' }).then((ref) => files.addStored(ref), fail);
    },
    pendingNew,
    openConversation,
    startNewConversation,
    showList: () => go({ kind: 'list' }),
    setPageVisible: (visible: boolean) => void (pageVisible.value = visible),
    openSettings: () => connector.openSettings(),
    start,
    dispose() {
      stopFollowing();
      stopReportingView();
      composer.stopTyping();
      unsubscribe();
    },
  };
}

export type PanelModel = ReturnType<typeof createPanelModel>;
