// "Desktop notifications for new replies": the browser's permission is asked first (in the click), then
// the background stores the choice (it owns the settings).
import { signal } from '@preact/signals';
import type { Connector } from '../connector';
import { readonly } from '../panel/readonly';

export function createNotificationsModel(connector: Connector) {
  const on = signal(false);
  const refused = signal(false);
  const store = (value: boolean) => connector.request({ type: 'settings.notifications', on: value });
  return {
    on: readonly(on),
    refused: readonly(refused),
    async load() {
      on.value = (await connector.request({ type: 'settings.get' }).catch(() => null))?.notifications ?? false;
    },
    /** Call first thing in the change handler: turning on asks for the permission. */
    async toggle(next: boolean) {
      refused.value = false;
      if (!next) {
        on.value = false;
        return void (await store(false).catch(() => {}));
      }
      const granted = await connector.requestNotifications().catch(() => false);
      on.value = granted;
      refused.value = !granted;
      if (granted) await store(true).catch(() => {});
    },
  };
}

export type NotificationsModel = ReturnType<typeof createNotificationsModel>;
