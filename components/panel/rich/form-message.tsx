// form: labelled fields, checked when submitted (required, email format, the server's pattern), sent once
// as [{ name, value }]. Answered (here or on the server), it shows the answers instead of the fields.
import { useSignal } from '@preact/signals';
import { useMemo, useRef } from 'preact/hooks';
import type { ThreadMessage } from '@/utils/protocol';
import { richStrings } from '@/utils/rich-strings';
import { AnswerSummary } from './answer-summary';
import { str, submittedList } from './attributes';
import { FormField } from './form-field';
import { type Field, fieldsOf, validate } from './form-rules';
import type { Submit } from './types';
import { useSubmitOnce } from './use-submit-once';

type Values = { name: string; value: string }[];

function rows(fields: Field[], values: { name?: unknown; value?: unknown }[]) {
  return values.map((v) => {
    const name = str(v.name) ?? '';
    const field = fields.find((f) => f.name === name);
    // A select shows the option the person chose, not the value the server keeps.
    const option = field?.options.find((o) => o.value === v.value);
    return { label: field?.label ?? name, value: option ? option.label : v.value };
  });
}

export function FormMessage({ message, onSubmit }: { message: ThreadMessage; onSubmit?: Submit }) {
  const id = message.id;
  const fields = useMemo(() => fieldsOf(message.contentAttributes), [message.contentAttributes]);
  const values = useSignal<Record<string, string>>(Object.fromEntries(fields.map((f) => [f.name, f.initial])));
  const errors = useSignal<Record<string, string | undefined>>({});
  const form = useRef<HTMLFormElement>(null);
  const { state, sent, run, enabled } = useSubmitOnce<Values>(onSubmit && id !== undefined ? (v) => onSubmit(id, v) : undefined);

  const submitted = submittedList(message.contentAttributes);
  if (submitted.length > 0) return <AnswerSummary rows={rows(fields, submitted)} />;
  if (state.value === 'sent' && sent.value) return <AnswerSummary rows={rows(fields, sent.value)} />;
  if (fields.length === 0) return null;

  const check = (field: Field) => validate(field, values.value[field.name] ?? '');
  const submit = (event: Event) => {
    event.preventDefault();
    const found = Object.fromEntries(fields.map((f) => [f.name, check(f)]));
    errors.value = found;
    const invalid = fields.findIndex((f) => found[f.name]);
    if (invalid >= 0) {
      form.current?.querySelectorAll<HTMLElement>('.field__input')[invalid]?.focus();
      return;
    }
    void run(fields.map((f) => ({ name: f.name, value: (values.value[f.name] ?? '').trim() })));
  };
  const busy = state.value !== 'idle';
  const label = str(message.contentAttributes.button_label) || richStrings.submit;
  return (
    <form ref={form} class="chat-form" noValidate onSubmit={submit}>
      {fields.map((field) => (
        <FormField
          key={field.name}
          field={field}
          value={values.value[field.name] ?? ''}
          error={errors.value[field.name]}
          disabled={busy}
          onInput={(value) => {
            values.value = { ...values.value, [field.name]: value };
            // Once shown, an error follows the typing, so it goes away as soon as the value is right.
            if (errors.value[field.name]) errors.value = { ...errors.value, [field.name]: check(field) };
          }}
        />
      ))}
      <button type="submit" class="button button--primary button--small chat-form__submit" disabled={!enabled || busy}>
        {busy ? richStrings.sending : label}
      </button>
    </form>
  );
}
