// One labelled field of a form message, with its error tied to it for screen readers.
import { useId } from 'preact/hooks';
import { richStrings } from '@/utils/rich-strings';
import type { Field } from './form-rules';

export function FormField({
  field,
  value,
  error,
  disabled,
  onInput,
}: {
  field: Field;
  value: string;
  error?: string;
  disabled: boolean;
  onInput: (value: string) => void;
}) {
  const id = useId();
  const common = {
    id,
    name: field.name,
    value,
    disabled,
    required: field.required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    class: 'field__input',
  };
  const read = (event: Event) => onInput((event.currentTarget as HTMLInputElement).value);
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {field.label}
      </label>
      {field.type === 'textarea' ? (
        <textarea {...common} rows={3} placeholder={field.placeholder} onInput={read} />
      ) : field.type === 'select' ? (
        <select {...common} onChange={read}>
          <option value="">{field.placeholder || richStrings.choose}</option>
          {field.options.map((o, i) => (
            <option key={i} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : field.type === 'email' ? (
        <input {...common} type="email" autoComplete="email" placeholder={field.placeholder} onInput={read} />
      ) : (
        <input {...common} type="text" placeholder={field.placeholder} onInput={read} />
      )}
      {error && (
        <p id={`${id}-error`} class="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
