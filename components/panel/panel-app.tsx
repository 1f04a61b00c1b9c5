// The side panel: picks a screen from the model's state. Purely presentational; the model does the work.
// For keyboard and screen-reader users it also moves the focus where the view change takes them, lets
// Escape go back to the list, and says new agent messages through one polite live region.
import { useEffect, useRef } from 'preact/hooks';
import type { PanelView } from '@/utils/panel/composer-model';
import type { PanelModel } from '@/utils/panel/panel-model';
import { strings } from '@/utils/strings';
import { ConversationList } from './conversation-list';
import { ErrorBanner } from './error-banner';
import { Header } from './header';
import { screens } from './later-screens';
import { NotConfigured } from './not-configured';
import { whenIdle } from './virtual/idle';

/** The screens' chunks, fetched when the page is idle after its first screen is painted (effects run after
 *  the paint). Asked for at once, they came while the panel waited for its snapshot, and their style
 *  sheets and scripts competed with that first paint. */
function usePrefetchScreens(listShown: boolean) {
  useEffect(() => (listShown ? whenIdle(() => void screens.load()) : undefined), [listShown]);
}

export function PanelApp({ model }: { model: PanelModel }) {
  const { connection } = model;
  const main = useRef<HTMLElement>(null);
  useViewFocus(model, main);
  useEscapeBack(model);
  const configured = connection.configured.value;
  usePrefetchScreens(configured === true);
  const banner = <ErrorBanner error={connection.error} onDismiss={connection.dismissError} />;
  if (configured === null) {
    // Waiting for the first snapshot; if the background fails to answer, say so rather than spin for ever.
    return (
      <div class="panel">
        {banner}
        <main class="panel__body panel--center">
          <p class="muted" role="status">{strings.loading}</p>
        </main>
      </div>
    );
  }
  if (!configured) return <NotConfigured onOpenSettings={model.openSettings} />;

  const view = model.view.value;
  // Until the conversation screens' chunk is there (a panel that opens straight into a thread), the area
  // says it is loading; the screen renders as soon as the chunk arrives.
  const conversation = view.kind === 'list' ? undefined : screens.get();
  return (
    <div class="panel" data-connection={connection.status.value?.connection}>
      <Header model={model} />
      {banner}
      {/* The browser refused to store the chat cache (quota): the chat works, but say what is not kept. */}
      {connection.status.value?.storageFull && (
        <p class="banner banner--warning" role="status">
          {strings.storageFull}
        </p>
      )}
      <main class="panel__body" ref={main} tabIndex={-1}>
        {view.kind === 'list' && (
          <ConversationList
            conversations={model.list.conversations}
            onOpen={(id) => void model.openConversation(id)}
            onNew={() => model.startNewConversation()}
          />
        )}
        {view.kind !== 'list' && !conversation && (
          <p class="muted panel--center" role="status">
            {strings.loadingThread}
          </p>
        )}
        {view.kind === 'thread' && conversation && <conversation.ThreadScreen model={model} />}
        {view.kind === 'new' && conversation && <conversation.NewConversation model={model} />}
      </main>
      {/* New agent messages of the thread on screen, said once: with the thread's screens (a chunk). */}
      {view.kind === 'thread' && conversation && <conversation.Announcements model={model} />}
    </div>
  );
}

const focusFirst = (root: ParentNode | null | undefined, selectors: string[]) => {
  for (const selector of selectors) {
    const el = root?.querySelector<HTMLElement>(selector);
    if (el) return el.focus(), true;
  }
  return false;
};

/**
 * Focus follows the view: the composer (or the resolved thread's button) once a thread has loaded, and
 * back on the list the conversation just left (or "New conversation" when leaving the new one). The first
 * view of an opening panel keeps the browser's focus.
 */
function useViewFocus(model: PanelModel, main: { current: HTMLElement | null }) {
  const view = model.view.value;
  // A thread has loaded once its messages are there and its screen's chunk too (the composer is in it).
  const loaded = view.kind === 'thread' && model.thread.current.value !== null && screens.get() !== undefined;
  const previous = useRef<PanelView>(view);
  const pending = useRef<PanelView | null>(null);

  useEffect(() => {
    if (previous.current !== view) {
      pending.current = previous.current;
      previous.current = view;
    }
    const left = pending.current;
    if (!left) return;
    const root = main.current;
    if (view.kind === 'list') {
      const back = left.kind === 'thread' ? [`[data-conversation-id="${left.conversationId}"]`] : [];
      focusFirst(root, [...back, '.list__toolbar .button', '.conversation']) || root?.focus();
      pending.current = null;
    } else if (view.kind === 'thread' && loaded) {
      focusFirst(root, ['.composer__input', '.resolved .button']) || root?.focus();
      pending.current = null;
    } else if (view.kind === 'new') {
      pending.current = null; // the model asks the composer for the focus itself
    }
  }, [view, loaded]);
}

/** Escape, from a thread or the new conversation, goes back to the list (the drafts are kept). */
function useEscapeBack(model: PanelModel) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A dialog (the image viewer) or a menu that handled Escape has prevented it.
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      if (model.view.peek().kind === 'list' || model.connection.configured.peek() !== true) return;
      event.preventDefault();
      model.showList();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [model]);
}
