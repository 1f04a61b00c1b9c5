// input_csat: a 1–5 rating, as emoji faces or as stars (content_attributes.display_type, which the thread
// view passes on as csatDisplayType). Once rated, the rating and a thank-you instead.
import { useSignal } from '@preact/signals';
import type { ThreadMessage } from '@/utils/protocol';
import { richStrings } from '@/utils/rich-strings';
import { submittedRating } from './attributes';
import type { Submit } from './types';
import { useSubmitOnce } from './use-submit-once';

const EMOJI = ['😞', '😑', '😐', '😀', '😍'];
const SCALE = [1, 2, 3, 4, 5];

export type CsatDisplayType = 'emoji' | 'star';

function displayTypeOf(message: ThreadMessage): CsatDisplayType {
  return (message.csatDisplayType ?? message.contentAttributes.display_type) === 'star' ? 'star' : 'emoji';
}

type Rating = { csat_survey_response: { rating: number } };

export function CsatInput({ message, onSubmit }: { message: ThreadMessage; onSubmit?: Submit }) {
  const id = message.id;
  const { state, sent, run, enabled } = useSubmitOnce<Rating>(onSubmit && id !== undefined ? (v) => onSubmit(id, v) : undefined);
  const hovered = useSignal(0);
  const stars = displayTypeOf(message) === 'star';
  const rating = submittedRating(message.contentAttributes) ?? (state.value === 'idle' ? null : (sent.value?.csat_survey_response.rating ?? null));
  if (rating !== null) {
    return (
      <div class="csat csat--done">
        <span aria-hidden="true">{stars ? '★'.repeat(rating) + '☆'.repeat(5 - rating) : EMOJI[rating - 1]}</span>
        <span>{richStrings.csatThanks}</span>
        <span class="sr-only">{richStrings.csatRated(rating)}</span>
      </div>
    );
  }
  return (
    <div class={`csat${stars ? ' csat--stars' : ''}`} role="group" aria-label={richStrings.ratingGroup} onMouseLeave={() => (hovered.value = 0)}>
      {SCALE.map((n) => (
        <button
          key={n}
          type="button"
          class={stars ? `csat__star${n <= hovered.value ? ' csat__star--lit' : ''}` : 'csat__button'}
          aria-label={richStrings.rate(n)}
          title={richStrings.rate(n)}
          disabled={!enabled || state.value !== 'idle'}
          onMouseEnter={() => (hovered.value = n)}
          onFocus={() => (hovered.value = n)}
          onBlur={() => (hovered.value = 0)}
          onClick={() => void run({ csat_survey_response: { rating: n } })}
        >
          {stars ? '★' : EMOJI[n - 1]}
        </button>
      ))}
    </div>
  );
}
