// The panel's polite live region: new agent messages of the thread on screen, said once (the message list
// itself stays quiet). Mounted with the thread, before any message it announces arrives.
import { useEffect, useMemo } from 'preact/hooks';
import { createAnnouncer } from '@/utils/panel/announcer';
import type { PanelModel } from '@/utils/panel/panel-model';

export function Announcements({ model }: { model: PanelModel }) {
  const announcer = useMemo(() => createAnnouncer(model.thread.current), [model]);
  useEffect(() => announcer.stop, [announcer]);
  const { text, seq } = announcer.announcement.value;
  return (
    <div class="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {/* A new node for each announcement: the same words twice are heard twice. */}
      {text && <p key={seq}>{text}</p>}
    </div>
  );
}

