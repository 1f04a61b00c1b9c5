// A switch whose "on" may first ask the browser for a permission (reading the page, notifications). The
// model's toggle must run first thing in the change handler, while the click's gesture lasts; what it
// found out (reading…, refused) shows beside the switch and is read out politely.
import type { ComponentChildren } from 'preact';
import './permission-toggle.css';

export interface PermissionToggleProps {
  id: string;
  label: string;
  checked: boolean;
  onToggle: (on: boolean) => void;
  /** Shown beside the switch: a notice, or what the switch applies to. */
  detail?: ComponentChildren;
  /** A refusal is an alert; other details are polite. */
  alert?: boolean;
  class?: string;
}

export function PermissionToggle({ id, label, checked, onToggle, detail, alert, class: className }: PermissionToggleProps) {
  const detailId = `${id}-detail`;
  return (
    <div class={className ?? 'toggle'}>
      <label class="toggle__label">
        <input
          id={id}
          type="checkbox"
          role="switch"
          class="switch"
          checked={checked}
          aria-describedby={detail ? detailId : undefined}
          onChange={(e) => {
            // The model decides (a permission may be refused): the box shows what it says, not the click.
            const wanted = e.currentTarget.checked;
            e.currentTarget.checked = checked;
            onToggle(wanted);
          }}
        />
        <span>{label}</span>
      </label>
      <span id={detailId} class="toggle__detail" role={alert ? 'alert' : undefined} aria-live={alert ? undefined : 'polite'}>
        {detail}
      </span>
    </div>
  );
}
