// Wiring only: every listener is registered synchronously, so events that wake a stopped worker find it.
import { browser } from 'wxt/browser';
import { createChatService } from '@/utils/background/chat-service';
import { conversationOfNotification } from '@/utils/background/notifications';
import { readManaged } from '@/utils/background/managed-settings';
import { handleRequest, isOwnPage } from '@/utils/background/router';
import { menuItems, onMenuClick, SCREENSHOT_COMMAND, sendScreenshot } from '@/utils/context-menu';
import * as platform from '@/utils/platform';
import { panelIdOf } from '@/utils/protocol';
import { parsePanelMessage } from '@/utils/background/panel-message';

const TICK_ALARM = 'hoory-tick';

async function welcomeUnlessManaged() {
  const managed = await readManaged();
  if (!(managed.installationUrl && managed.inboxIdentifier)) await browser.runtime.openOptionsPage();
}

export default defineBackground(() => {
  const service = createChatService({
    setBadge: platform.setBadge,
    notify: platform.notify,
    hasOrigin: platform.hasOrigin,
    upload: platform.uploader(),
  });
  const ownPage = (sender: { id?: string; url?: string } | undefined) =>
    isOwnPage(sender ?? {}, browser.runtime.id, browser.runtime.getURL('/'));

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!ownPage(sender)) return undefined;
    return handleRequest(service.handlers, message, service.ready);
  });

  browser.runtime.onConnect.addListener((port) => {
    const panelId = panelIdOf(port.name);
    if (panelId === null || !ownPage(port.sender)) return port.disconnect();
    const panel = service.attach({
      id: panelId,
      post(event) {
        try {
          port.postMessage(event);
        } catch {
          /* the panel went away; onDisconnect detaches it */
        }
      },
    });
    port.onMessage.addListener((raw: unknown) => {
      const message = parsePanelMessage(raw);
      if (message) void panel.setView(message.conversationId, message.fresh);
    });
    port.onDisconnect.addListener(panel.detach);
  });

  browser.runtime.onInstalled.addListener((details) => {
    void platform.createMenus(menuItems());
    // A first install opens the options page, which welcomes the user and asks for the server, unless the
    // organization's policy already set it up.
    if (details.reason === 'install') void welcomeUnlessManaged();
  });
  // At browser start the badge is blank until the worker runs: run it, so it shows the stored count and
  // resyncs. The menus are made again, in the browser's language of the day.
  browser.runtime.onStartup.addListener(() => {
    void platform.createMenus(menuItems());
    void service.tick();
  });
  platform.onMenuClicked((info, tab) => void onMenuClick(info, tab, service.handOff));
  platform.onCommand((command, tab) => command === SCREENSHOT_COMMAND && void sendScreenshot(tab, service.handOff));
  platform.openPanelOnActionClick();
  platform.onNotificationClicked((id) => {
    const conversationId = conversationOfNotification(id);
    if (conversationId === null) return;
    void platform.openPanel().catch(() => {});
    void service.handOff({ kind: 'conversation', conversationId, at: Date.now() });
    void platform.clearNotification(id);
  });

  platform.onNetworkChange((online) => void service.network(online));
  // Chrome stops an idle worker; this wakes it to reconnect the cable and flush the outbox.
  void browser.alarms.create(TICK_ALARM, { periodInMinutes: 0.5 });
  browser.alarms.onAlarm.addListener((alarm) => alarm.name === TICK_ALARM && void service.tick());
});
