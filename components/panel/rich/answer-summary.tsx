// Answers as "Label: value" lines: a JSON answer in a message's text, or a form's submitted values.
import { richStrings } from '@/utils/rich-strings';
import { type AnswerRow, valueText } from './json-answer';
import './interactive.css';

export function AnswerSummary({ rows }: { rows: AnswerRow[] }) {
  if (rows.length === 0) return <p class="answers answers--empty">{richStrings.noValue}</p>;
  return (
    <dl class="answers" aria-label={richStrings.answers}>
      {rows.map((row, i) => (
        <div key={i} class="answers__row">
          {row.label && <dt class={/[?:：？]\s*$/.test(row.label) ? 'answers__label--ends' : undefined}>{row.label}</dt>}
          <dd>{valueText(row.value, richStrings.yes, richStrings.no) || richStrings.noValue}</dd>
        </div>
      ))}
    </dl>
  );
}
