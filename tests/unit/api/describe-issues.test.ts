import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { describeIssues } from '@/utils/api/describe-issues';

describe('describeIssues', () => {
  it('says where and what was expected, in one line', () => {
    const schema = z.object({ id: z.int(), sender: z.object({ name: z.string() }), a: z.string(), b: z.string() });
    const result = schema.safeParse({ id: 'x', sender: { name: 3 } });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!)).toBe('id: expected number; sender.name: expected string; a: expected string; and 1 more');
    expect(describeIssues(z.array(z.int()).safeParse('no').error!)).toBe('(root): expected array');
  });
});
