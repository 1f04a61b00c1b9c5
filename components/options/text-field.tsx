import type { FieldSpec } from './fields';
import { strings } from '@/utils/strings';

export interface TextFieldProps {
  spec: FieldSpec;
  value: string;
  /** A message for this field alone (shown under it). */
  error?: string;
  /** Ids of other elements that describe the field, e.g. the connect error box. */
  describedBy?: string;
  invalid?: boolean;
  onInput: (value: string) => void;
}

export function TextField({ spec, value, error, describedBy, invalid, onInput }: TextFieldProps) {
  const id = `field-${spec.name}`;
  const described = [spec.help && `${id}-help`, error && `${id}-error`, describedBy].filter(Boolean).join(' ');
  return (
    <div class={`field${invalid || error ? ' field--invalid' : ''}`}>
      <label for={id} class="field__label">
        {spec.label}
        {spec.optional && <span class="field__optional"> {strings.optional}</span>}
      </label>
      <input
        id={id}
        name={spec.name}
        class="field__input"
        type={spec.type as 'text'}
        inputMode={spec.type === 'url' ? 'url' : undefined}
        autoComplete={spec.autoComplete}
        spellcheck={false}
        required={!spec.optional}
        aria-required={!spec.optional}
        aria-invalid={invalid || Boolean(error)}
        aria-describedby={described || undefined}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {spec.help && (
        <p id={`${id}-help`} class="field__help">
          {spec.help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
