// The offscreen document's script (upload.html): it uploads files with progress for Chrome's worker.
// Wiring only; built on its own so that it shares no chunk with the side panel.
import { serveUploads } from '@/utils/upload/offscreen-page';

export default defineUnlistedScript({
  include: ['chrome'],
  main() {
    serveUploads();
  },
});
