// The panel's one message over its port (which thread it shows), checked before it is believed.
import * as z from 'zod/mini';
import type { PanelMessage } from '../protocol';

const panelMessageSchema = z.object({ type: z.literal('view'), conversationId: z.nullable(z.int()), fresh: z.optional(z.boolean()) });

export function parsePanelMessage(raw: unknown): PanelMessage | null {
  const parsed = panelMessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
