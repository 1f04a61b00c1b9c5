// The panel's screens after its first one, each a chunk of its own (the first load has a size budget): the
// conversation screens (thread, new conversation, composer) and the thread's list (windowing, rows, their
// renderers). One place owns both, so the list is asked for with the screens, not by them once they have
// loaded: a panel that opens straight into a thread (a notification, the context menu) waited for one
// chunk, then the other.
import { lazy } from './rich/lazy';

export const threadList = lazy('The message list', () => import('./virtual/thread-list'));

export const screens = lazy('The conversation screens', () => {
  void threadList.load();
  return import('./conversation-screens');
});
