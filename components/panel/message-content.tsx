// The text of a message, never through innerHTML: a JSON form answer as "Label: value" lines; Markdown as
// elements once the lazy renderer is loaded; otherwise plain text with line breaks kept (CSS pre-wrap) and
// web addresses made links. Plain text is also what shows while the renderer loads, so nothing flickers away.
import { useMemo } from 'preact/hooks';
import { richStrings } from '@/utils/rich-strings';
import { AnswerSummary } from './rich/answer-summary';
import { jsonAnswer } from './rich/json-answer';
import { linkify } from './rich/linkify';
import { looksLikeMarkdown } from './rich/markdown-hint';
import { markdownRenderer } from './rich/use-markdown';
import './rich/markdown.css';

export function MessageContent({ content, deleted = false }: { content: string; contentType?: string; deleted?: boolean }) {
  // An agent deleted it: Chatwoot keeps "This message was deleted" as its content; say it in our words.
  if (deleted) return <p class="msg__text msg__text--deleted">{richStrings.messageDeleted}</p>;
  if (!content) return null;
  return <Text content={content} />;
}

function Text({ content }: { content: string }) {
  const answer = useMemo(() => jsonAnswer(content), [content]);
  const markdown = !answer && looksLikeMarkdown(content);
  const renderer = markdown ? markdownRenderer() : undefined;
  const rendered = useMemo(() => renderer?.renderMarkdown(content), [renderer, content]);
  if (answer) return <AnswerSummary rows={answer} />;
  if (rendered !== undefined) {
    return (
      <div class="msg__text msg__md" dir="auto">
        {rendered}
      </div>
    );
  }
  return (
    <p class="msg__text" dir="auto">
      {linkify(content)}
    </p>
  );
}
