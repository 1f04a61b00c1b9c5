// "Desktop notifications for new replies", on the options page.
import { PermissionToggle } from '@/components/shared/permission-toggle';
import type { NotificationsModel } from '@/utils/options/notifications-model';
import { strings } from '@/utils/strings';

export function NotificationsToggle({ model }: { model: NotificationsModel }) {
  const refused = model.refused.value;
  return (
    <PermissionToggle
      id="notifications"
      class="field field--check"
      label={strings.notifications}
      checked={model.on.value}
      onToggle={(on) => void model.toggle(on)}
      detail={refused ? strings.notificationsRefused : undefined}
      alert={refused}
    />
  );
}
