// How a conversation's satisfaction survey asks for the rating: the survey page says (`display_type`:
// emoji or star) when the message does not. Asked once per conversation that has a survey without it.
import { effect } from '@preact/signals-core';
import type { Session } from './session';
import type { Store } from './store';

const needsDisplay = (m: { content_type?: string | null; content_attributes?: Record<string, unknown> | null }) =>
  m.content_type === 'input_csat' && !m.content_attributes?.display_type;

export function startCsatDisplay(store: Store, session: Session) {
  const asked = new Set<number>();
  return effect(() => {
    const held = store.conversations.value;
    const api = session.current.value?.api;
    if (!api) return;
    for (const state of held.values()) {
      if (asked.has(state.id) || !state.uuid || !state.messages.some(needsDisplay)) continue;
      asked.add(state.id);
      void api.getCsatSurvey(state.uuid).then(
        (survey) => survey.display_type && store.setCsatDisplay(state.id, survey.display_type),
        () => {}, // an older server without the survey page: emoji, as the widget does
      );
    }
  });
}
