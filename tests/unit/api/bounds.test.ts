import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { boundValue, cutText, cutWithEllipsis, freshBudget } from '@/utils/api/bounds';
import { describeIssues } from '@/utils/api/describe-issues';
import { FREE_FORM } from '@/utils/api/limits';
import { messageSchema } from '@/utils/api/schemas';
import { EARLIEST_SECONDS, fillTimes, toUnixSeconds } from '@/utils/api/time';
import { depthOf, nested } from '../fuzz/invariants';

describe('bounds', () => {
  it('cuts text on a code point boundary, with "…" when asked', () => {
    expect(cutText('abc', 5)).toBe('abc');
    expect(cutText('a😀b', 2)).toBe('a');
    expect(cutText('a😀b', 3)).toBe('a😀');
    expect(cutWithEllipsis('abcdef', 4)).toBe('abc…');
    expect(cutWithEllipsis('abcd', 4)).toBe('abcd');
  });

  it('copies JSON within depth, entries, nodes and characters, and drops what is not JSON', () => {
    expect(boundValue({ a: [1, 'x', null, true], b: { c: 2 } }, freshBudget())).toEqual({ a: [1, 'x', null, true], b: { c: 2 } });
    expect(depthOf(boundValue(nested(50), freshBudget()))).toBe(FREE_FORM.depth);
    expect(boundValue({ f: () => 1, n: Number.POSITIVE_INFINITY, big: 1n }, freshBudget())).toEqual({ n: null });
    const budget = freshBudget();
    const many = Array.from({ length: 50 }, () => Array(200).fill(1));
    const kept = boundValue(many, budget) as number[][];
    expect(kept.flat().length + kept.length + 1).toBeLessThanOrEqual(FREE_FORM.nodes);
    expect(budget.nodes).toBeLessThanOrEqual(0);
    const chars = boundValue(Array(20).fill('z'.repeat(8_000)), freshBudget()) as string[];
    expect(chars.join('').length).toBe(FREE_FORM.chars);
    expect(boundValue({ ['k'.repeat(300)]: 1, ok: 2 }, freshBudget())).toEqual({ ok: 2 });
  });

  it('shares one budget across an object’s free-form fields and unknown keys', () => {
    const half = Array(150).fill('w'.repeat(400)); // 60,000 characters each
    const parsed = messageSchema.parse({
      id: 1, message_type: 1, conversation_id: 2, created_at: EARLIEST_SECONDS + 1, content_attributes: { half }, extra: { half },
    });
    const total = JSON.stringify([parsed.content_attributes, parsed.extra]).length;
    expect(total).toBeLessThan(FREE_FORM.chars + 10_000);
    expect((parsed.content_attributes as { half: string[] }).half).toHaveLength(150);
  });
});

describe('time', () => {
  const now = Date.UTC(2026, 0, 1);
  it('accepts 2000-01-01 .. now + 1 year, in seconds or milliseconds, numbers or strings', () => {
    expect(toUnixSeconds(EARLIEST_SECONDS, now)).toBe(EARLIEST_SECONDS);
    expect(toUnixSeconds(EARLIEST_SECONDS - 1, now)).toBeUndefined();
    expect(toUnixSeconds(now / 1000 + 365 * 86_400, now)).toBe(now / 1000 + 365 * 86_400);
    expect(toUnixSeconds(now / 1000 + 400 * 86_400, now)).toBeUndefined();
    expect(toUnixSeconds(now, now)).toBe(now / 1000);
    expect(toUnixSeconds('2025-12-01T12:00:05.123Z', now)).toBe(Date.UTC(2025, 11, 1, 12, 0, 5, 123) / 1000);
    expect(toUnixSeconds('1764590400', now)).toBe(1764590400);
    expect(toUnixSeconds(1764590400.482113, now)).toBe(1764590400.482113); // a conversation's float updated_at
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -1, 0, 1e20, 'May 5', '5', `${'1'.repeat(50)}`, true, {}, null, undefined]) {
      expect(toUnixSeconds(bad, now)).toBeUndefined();
    }
  });

  it('fills a missing time from the previous message, or the next one for the first', () => {
    const items: { id: number; created_at?: number }[] = [{ id: 1 }, { id: 2, created_at: 20 }, { id: 3 }, { id: 4, created_at: 40 }];
    const filled = fillTimes(items, 99);
    expect(filled.map((m) => m.created_at)).toEqual([20, 20, 20, 40]);
    expect(fillTimes(items.slice(0, 1), 99)[0]!.created_at).toBe(99);
  });
});

describe('describeIssues with hostile keys', () => {
  it('cuts each path part and the whole line', () => {
    const longKey = z.record(z.string(), z.int()).safeParse({ ['k'.repeat(100_000)]: 'x', b: 'y', c: 'z', d: 'w' });
    const line = describeIssues(longKey.error!);
    expect(line.length).toBeLessThanOrEqual(300);
    expect(line).toMatch(/^k{39}…: expected number; b: expected number; c: expected number; and 1 more$/);
    const parsed = messageSchema.safeParse({ id: 1, message_type: 1, conversation_id: 'x'.repeat(100_000) });
    expect(describeIssues(parsed.error!)).toBe('conversation_id: expected number');
  });
});
