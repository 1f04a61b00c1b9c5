// input_email: the agent (or bot) asks for an email address. One field, checked, sent once as
// [{ name: 'email', value }]; answered, it shows the address given.
import { useSignal } from '@preact/signals';
import { useId } from 'preact/hooks';
import type { ThreadMessage } from '@/utils/protocol';
import { richStrings } from '@/utils/rich-strings';
import { submittedEmail } from './attributes';
import { type Field, validate } from './form-rules';
import type { Submit } from './types';
import { useSubmitOnce } from './use-submit-once';

type Values = [{ name: 'email'; value: string }];
const FIELD: Field = { name: 'email', label: richStrings.emailLabel, type: 'email', initial: '', required: true, options: [] };

export function EmailInput({ message, onSubmit }: { message: ThreadMessage; onSubmit?: Submit }) {
  const id = message.id;
  const inputId = useId();
  const value = useSignal('');
  const error = useSignal<string | undefined>(undefined);
  const { state, sent, run, enabled } = useSubmitOnce<Values>(onSubmit && id !== undefined ? (v) => onSubmit(id, v) : undefined);

  const given = submittedEmail(message.contentAttributes) ?? (state.value === 'sent' ? sent.value?.[0].value : undefined);
  if (given) return <p class="choice-made">{richStrings.emailGiven(given)}</p>;

  const submit = (event: Event) => {
    event.preventDefault();
    error.value = validate(FIELD, value.value);
    if (!error.value) void run([{ name: 'email', value: value.value.trim() }]);
  };
  const busy = state.value !== 'idle';
  return (
    <form class="chat-form chat-form--inline" noValidate onSubmit={submit}>
      <label class="field__label" for={inputId}>
        {richStrings.emailLabel}
      </label>
      <div class="chat-form__row">
        <input
          id={inputId}
          class="field__input"
          type="email"
          name="email"
          autoComplete="email"
          placeholder={richStrings.emailPlaceholder}
          value={value.value}
          disabled={busy}
          aria-invalid={error.value ? true : undefined}
          aria-describedby={error.value ? `${inputId}-error` : undefined}
          onInput={(event) => {
            value.value = event.currentTarget.value;
            if (error.value) error.value = validate(FIELD, value.value);
          }}
        />
        <button type="submit" class="button button--primary button--small" disabled={!enabled || busy}>
          {busy ? richStrings.sending : richStrings.submit}
        </button>
      </div>
      {error.value && (
        <p id={`${inputId}-error`} class="field__error">
          {error.value}
        </p>
      )}
    </form>
  );
}
