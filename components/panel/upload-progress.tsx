// The delivery line of an own message whose files are uploading: a bar with the percent sent, in numbers
// too, or an indeterminate bar where the browser cannot tell (a small upload, or fetch).
import { strings } from '@/utils/strings';

export function UploadProgress({ percent }: { percent: number | null }) {
  const measured = percent !== null;
  return (
    <span class="delivery delivery--sending delivery--upload">
      {/* A <progress> is a progressbar; aria-valuenow says its value to tools that read the attribute. */}
      <progress
        class="upload-progress"
        max={100}
        value={measured ? percent : undefined}
        aria-valuenow={measured ? percent : undefined}
        aria-label={strings.uploading}
      />
      <span>{measured ? strings.uploadProgress(percent) : strings.uploading}</span>
    </span>
  );
}
