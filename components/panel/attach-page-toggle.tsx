// "Attach this page": sends the current page's title and URL with the next message.
import { PermissionToggle } from '@/components/shared/permission-toggle';
import type { PageModel } from '@/utils/panel/page-model';
import { strings } from '@/utils/strings';

export function AttachPageToggle({ page: model }: { page: PageModel }) {
  const page = model.page.value;
  const notice = model.notice.value;
  return (
    <PermissionToggle
      id="attach-page"
      class="attach"
      label={strings.attachPage}
      checked={model.attach.value}
      onToggle={(on) => void model.setAttach(on)}
      detail={
        notice === 'reading' ? strings.readingPage
        : notice === 'cant_read' ? strings.cantReadPage
        : page && (
            <>
              <span class="attach__title">{page.title}</span>
              <span class="attach__url">{page.url}</span>
            </>
          )
      }
    />
  );
}
