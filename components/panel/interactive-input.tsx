// Messages that ask for an answer: `input_select` (option buttons) and `input_csat` (a 1–5 rating).
import { useSignal } from '@preact/signals';
import type { ThreadMessage } from '@/utils/protocol';
import { strings } from '@/utils/strings';

interface Option {
  title: string;
  value: string;
}
type Submit = (messageId: number, values: unknown) => Promise<void> | void;

const RATINGS = [
  { rating: 1, emoji: '😞' },
  { rating: 2, emoji: '😑' },
  { rating: 3, emoji: '😐' },
  { rating: 4, emoji: '😀' },
  { rating: 5, emoji: '😍' },
];

export function InteractiveInput({ message, onSubmit }: { message: ThreadMessage; onSubmit?: Submit }) {
  if (message.contentType === 'input_select') return <SelectInput message={message} onSubmit={onSubmit} />;
  if (message.contentType === 'input_csat') return <CsatInput message={message} onSubmit={onSubmit} />;
  return null;
}

function options(value: unknown): Option[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (o): o is Option => typeof o === 'object' && o !== null && typeof o.title === 'string',
  );
}

/** Wraps a submit so the buttons stay disabled while it runs. */
function useSubmitting(message: ThreadMessage, onSubmit?: Submit) {
  const busy = useSignal(false);
  const run = async (values: unknown) => {
    if (!onSubmit || message.id === undefined || busy.value) return;
    busy.value = true;
    try {
      await onSubmit(message.id, values);
    } finally {
      busy.value = false;
    }
  };
  return { busy, run, enabled: Boolean(onSubmit) && message.id !== undefined };
}

function SelectInput({ message, onSubmit }: { message: ThreadMessage; onSubmit?: Submit }) {
  const { busy, run, enabled } = useSubmitting(message, onSubmit);
  const chosen = options(message.contentAttributes.submitted_values);
  if (chosen.length > 0) {
    return <p class="choice-made">{strings.chosen(chosen.map((o) => o.title).join(', '))}</p>;
  }
  const items = options(message.contentAttributes.items);
  return (
    <div class="choices">
      {items.map((o) => (
        <button
          key={o.value}
          type="button"
          class="choice"
          disabled={!enabled || busy.value}
          onClick={() => void run([{ title: o.title, value: o.value }])}
        >
          {o.title}
        </button>
      ))}
    </div>
  );
}

function submittedRating(attributes: Record<string, unknown>): number | null {
  const submitted = attributes.submitted_values as { csat_survey_response?: { rating?: unknown } } | undefined;
  const rating = submitted?.csat_survey_response?.rating;
  return typeof rating === 'number' ? rating : null;
}

function CsatInput({ message, onSubmit }: { message: ThreadMessage; onSubmit?: Submit }) {
  const { busy, run, enabled } = useSubmitting(message, onSubmit);
  const rating = submittedRating(message.contentAttributes);
  if (rating !== null) {
    return (
      <div class="csat csat--done">
        <span aria-hidden="true">{RATINGS.find((r) => r.rating === rating)?.emoji}</span>
        <span>{strings.csatThanks}</span>
        <span class="sr-only">{strings.csatRated(rating)}</span>
      </div>
    );
  }
  return (
    <div class="csat" role="group" aria-label={strings.ratingGroup}>
      {RATINGS.map(({ rating: n, emoji }) => (
        <button
          key={n}
          type="button"
          class="csat__button"
          aria-label={strings.rate(n)}
          title={strings.rate(n)}
          disabled={!enabled || busy.value}
          onClick={() => void run({ csat_survey_response: { rating: n } })}
        >
          {emoji}
        </button>
      ))}
    </div>
  );
}
