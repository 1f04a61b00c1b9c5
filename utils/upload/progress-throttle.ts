// Upload progress as the panel shows it: whole percents, at most about four a second (each one is a store
// change, a publication and a row patch), and only for uploads big enough to take a while.
export const MEASURED_FROM_BYTES = 1024 * 1024;
const INTERVAL_MS = 250;

export function throttleProgress(report: (percent: number) => void, now = Date.now): (sent: number, total: number) => void {
  let last = -Infinity;
  let shown = -1;
  return (sent, total) => {
    if (total < MEASURED_FROM_BYTES) return;
    const percent = Math.min(100, Math.floor((sent / total) * 100));
    // The last step (all bytes sent, the server at work) is shown at once.
    if (percent === shown || (percent < 100 && now() - last < INTERVAL_MS)) return;
    last = now();
    shown = percent;
    report(percent);
  };
}
