// "Send a screenshot of this page": the background captures the visible tab and the panel opens it in the
// redaction view. A page that cannot be captured makes the error banner say so (the model reports it).
import { useSignal } from '@preact/signals';
import type { PanelModel } from '@/utils/panel/panel-model';
import { strings } from '@/utils/strings';
import { CameraIcon } from './icons';

export function ScreenshotButton({ model }: { model: PanelModel }) {
  const busy = useSignal(false);
  const capture = async () => {
    if (busy.value) return;
    busy.value = true;
    try {
      await model.captureScreenshot();
    } finally {
      busy.value = false;
    }
  };
  return (
    <button
      type="button"
      class="icon-button composer__tool"
      aria-label={strings.sendScreenshot}
      title={strings.sendScreenshot}
      aria-busy={busy.value || undefined}
      onClick={() => void capture()}
    >
      <CameraIcon />
    </button>
  );
}
