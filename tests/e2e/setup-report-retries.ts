// A test that passes on its retry hides why its first try failed: print that error, so a flaky test's cause
// is in the log (CI's too) and not only its "(retry x1)".
import { beforeEach } from 'vitest';

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(({ task: failed }) => {
    const errors = failed.result?.errors ?? [];
    const attempt = (failed.result?.retryCount ?? 0) + 1;
    for (const error of errors) {
      const diff = error.diff ? `\n${error.diff.slice(0, 1_500)}` : '';
      console.warn(`[try ${attempt} failed] ${task.name}: ${String(error.message ?? error).slice(0, 2_000)}${diff}`);
    }
  });
});
