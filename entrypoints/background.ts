// Wiring only: every listener is registered synchronously, so events that wake a stopped worker find it.
import { browser } from 'wxt/browser';
import { createChatService } from '@/utils/background/chat-service';
import { handleRequest, isOwnPage } from '@/utils/background/router';
import { menuItems, onMenuClick } from '@/utils/context-menu';
import { openConversationItem } from '@/utils/draft-handoff';
import * as platform from '@/utils/platform';
import { PANEL_PORT, panelMessageSchema } from '@/utils/protocol';

export const TICK_ALARM = 'hoory-tick';

export default defineBackground(() => {
  const service = createChatService(platform);
  const ownPage = (sender: { id?: string; url?: string } | undefined) =>
    isOwnPage(sender ?? {}, browser.runtime.id, browser.runtime.getURL('/'));

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!ownPage(sender)) return undefined;
    return handleRequest(service, message);
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PANEL_PORT || !ownPage(port.sender)) return port.disconnect();
    const panel = service.attach({
      post(event) {
        try {
          port.postMessage(event);
        } catch {
          /* the panel went away; onDisconnect detaches it */
        }
      },
    });
    port.onMessage.addListener((raw: unknown) => {
      const message = panelMessageSchema.safeParse(raw);
      if (message.success) void panel.setView(message.data.conversationId);
    });
    port.onDisconnect.addListener(panel.detach);
  });

  browser.runtime.onInstalled.addListener(() => void platform.createMenus(menuItems()));
  // At browser start the badge is blank until the worker runs: run it, so it shows the stored count and resyncs.
  browser.runtime.onStartup.addListener(() => void service.tick());
  platform.onMenuClicked((info, tab) => void onMenuClick(info, tab));
  platform.openPanelOnActionClick();
  platform.onNotificationClicked((id) => {
    const conversationId = Number(id.split(':')[1]);
    if (!id.startsWith('hoory:') || !conversationId) return;
    void platform.openPanel().catch(() => {});
    void openConversationItem.setValue(conversationId);
    void platform.clearNotification(id);
  });

  // Chrome stops an idle worker; this wakes it to reconnect the cable and flush the outbox.
  void browser.alarms.create(TICK_ALARM, { periodInMinutes: 0.5 });
  browser.alarms.onAlarm.addListener((alarm) => alarm.name === TICK_ALARM && void service.tick());
});
