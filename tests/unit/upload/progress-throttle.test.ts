import { describe, expect, it } from 'vitest';
import { MEASURED_FROM_BYTES, throttleProgress } from '@/utils/upload/progress-throttle';

const MB = MEASURED_FROM_BYTES;

describe('throttleProgress', () => {
  it('reports whole percents at most every 250 ms, and the last step at once', () => {
    const clock = { t: 0 };
    const shown: number[] = [];
    const report = throttleProgress((p) => shown.push(p), () => clock.t);
    const total = 8 * MB;
    for (let ms = 0; ms <= 2_000; ms += 50) {
      clock.t = ms;
      report(Math.min(total, (ms / 2_000) * total * 0.99), total);
    }
    clock.t = 2_010;
    report(total, total);
    // 0, 250, … 2000 ms: nine steps, then 100 % although 10 ms after the one before.
    expect(shown).toEqual([0, 12, 24, 37, 49, 61, 74, 86, 99, 100]);
  });

  it('says nothing for an upload under 1 MB (it would flash by), nor twice the same percent', () => {
    const clock = { t: 0 };
    const shown: number[] = [];
    const report = throttleProgress((p) => shown.push(p), () => clock.t);
    report(100, MB - 1);
    report(MB - 1, MB - 1);
    expect(shown).toEqual([]);
    report(MB / 2, MB);
    clock.t = 1_000;
    report(MB / 2 + 1, MB);
    expect(shown).toEqual([50]);
  });
});
