// "Desktop notifications for new replies": asks for the permission first, then stores the choice.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { requestPermission } from '@/utils/platform';
import { settingsItem } from '@/utils/settings';
import { strings } from '@/utils/strings';

async function store(notifications: boolean) {
  await settingsItem.setValue({ ...(await settingsItem.getValue()), notifications });
}

export function NotificationsToggle() {
  const on = useSignal(false);
  const notice = useSignal<string | null>(null);

  useEffect(() => {
    void settingsItem.getValue().then((s) => (on.value = s.notifications));
    return settingsItem.watch((s) => (on.value = s.notifications));
  }, []);

  const onChange = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    notice.value = null;
    if (!input.checked) {
      on.value = false;
      void store(false);
      return;
    }
    // Synchronously first: the permission prompt needs the click's user gesture.
    const asking = requestPermission('notifications');
    void asking
      .catch(() => false)
      .then(async (granted) => {
        if (granted) {
          on.value = true;
          await store(true);
        } else {
          on.value = false;
          input.checked = false;
          notice.value = strings.notificationsRefused;
        }
      });
  };

  return (
    <div class="field field--check">
      <label class="check">
        <input
          type="checkbox"
          checked={on}
          aria-describedby={notice.value ? 'notifications-notice' : undefined}
          onChange={onChange}
        />
        <span>{strings.notifications}</span>
      </label>
      {notice.value && (
        <p id="notifications-notice" class="field__error" role="alert">
          {notice.value}
        </p>
      )}
    </div>
  );
}
