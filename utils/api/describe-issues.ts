// A one-line account of why data did not match its schema, for error messages and logs:
// "id: expected int, received string; sender.name: …". zod/mini has no messages of its own (no locale is
// loaded, to stay small), so the issue's code and expectation are spelled out here.
import type * as z from 'zod/mini';

export function describeIssues(error: z.core.$ZodError, max = 3): string {
  const parts = error.issues.slice(0, max).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : '(root)';
    const expected = 'expected' in issue && issue.expected ? `expected ${String(issue.expected)}` : issue.code;
    return `${where}: ${expected}`;
  });
  const more = error.issues.length - max;
  return parts.join('; ') + (more > 0 ? `; and ${more} more` : '');
}
