// input_select: the options as buttons; once answered (here or on the server), the choice instead.
import type { ThreadMessage } from '@/utils/protocol';
import { richStrings } from '@/utils/rich-strings';
import { items, str, submittedList } from './attributes';
import type { Submit } from './types';
import { useSubmitOnce } from './use-submit-once';

interface Option {
  title: string;
  value: string;
}

function options(list: Record<string, unknown>[]): Option[] {
  return list.flatMap((o) => {
    const title = str(o.title);
    return title ? [{ title, value: str(o.value) ?? title }] : [];
  });
}

export function SelectInput({ message, onSubmit }: { message: ThreadMessage; onSubmit?: Submit }) {
  const id = message.id;
  const { state, sent, run, enabled } = useSubmitOnce<Option[]>(
    onSubmit && id !== undefined ? (values) => onSubmit(id, values) : undefined,
  );
  const chosen = options(submittedList(message.contentAttributes));
  const shown = chosen.length > 0 ? chosen : state.value === 'idle' ? [] : (sent.value ?? []);
  if (shown.length > 0) {
    return <p class="choice-made">{richStrings.chosen(shown.map((o) => o.title).join(', '))}</p>;
  }
  return (
    <div class="choices">
      {options(items(message.contentAttributes)).map((o, i) => (
        <button
          key={i}
          type="button"
          class="choice"
          disabled={!enabled || state.value !== 'idle'}
          onClick={() => void run([{ title: o.title, value: o.value }])}
        >
          {o.title}
        </button>
      ))}
    </div>
  );
}
