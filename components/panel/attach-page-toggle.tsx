// "Attach this page": sends the current page's title and URL with the next message.
import { useSignal } from '@preact/signals';
import { getActivePage } from '@/utils/page-context';
import type { PanelModel } from '@/utils/panel/models';
import { strings } from '@/utils/strings';

export function AttachPageToggle({ model }: { model: PanelModel }) {
  const notice = useSignal<string | null>(null);
  const page = model.page.value;

  const onChange = async (e: Event) => {
    const on = (e.currentTarget as HTMLInputElement).checked;
    notice.value = null;
    if (!on || model.page.value) {
      model.attachPage.value = on;
      return;
    }
    // First thing in the click handler: reading the page may ask for the `tabs` permission.
    const reading = getActivePage();
    model.attachPage.value = true;
    notice.value = strings.readingPage;
    const found = await reading.catch(() => null);
    notice.value = null;
    if (found) {
      model.page.value = found;
    } else {
      model.attachPage.value = false;
      notice.value = strings.cantReadPage;
    }
  };

  return (
    <div class="attach">
      <label class="attach__toggle">
        <input
          type="checkbox"
          role="switch"
          class="switch"
          checked={model.attachPage}
          aria-describedby="attach-page-detail"
          onChange={onChange}
        />
        <span>{strings.attachPage}</span>
      </label>
      <span id="attach-page-detail" class="attach__detail" aria-live="polite">
        {notice.value ??
          (page && (
            <>
              <span class="attach__title">{page.title}</span>
              <span class="attach__url">{page.url}</span>
            </>
          ))}
      </span>
    </div>
  );
}
