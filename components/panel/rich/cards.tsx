// cards: each with an optional image, title, description and actions. A link action opens a new tab (safe
// URLs only); a postback action sends its payload (or its text) as the customer's reply, once per message.
import type { ThreadMessage } from '@/utils/protocol';
import { richStrings } from '@/utils/rich-strings';
import { safeHref, safeSrc } from '../safe-url';
import { type Item, items, objects, str, submittedList } from './attributes';
import type { Reply, Submit } from './types';
import { useSubmitOnce } from './use-submit-once';

/** Bots often write "example.com/page": read a bare host as https, then apply the usual check. */
function linkOf(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  return safeHref(uri) ?? (/^[\w-]+(\.[\w-]+)+([/?#]|$)/.test(uri) ? safeHref(`https://${uri}`) : undefined);
}

export function Cards({ message, onReply, onSubmit }: { message: ThreadMessage; onReply?: Reply; onSubmit?: Submit }) {
  const id = message.id;
  const answer = onReply
    ? async (choice: { text: string; payload: string }) => {
        await onReply(choice.payload);
        if (onSubmit && id !== undefined) await onSubmit(id, [{ title: choice.text, value: choice.payload }]);
      }
    : undefined;
  const { state, sent, run, enabled } = useSubmitOnce<{ text: string; payload: string }>(answer);
  const recorded = submittedList(message.contentAttributes);
  const answered = recorded.length > 0 || state.value !== 'idle';
  // What the customer clicked, in the words of the button (the payload is for the bot).
  const chosen = sent.value?.text || str(recorded[0]?.title) || str(recorded[0]?.value);
  const cards = items(message.contentAttributes);
  if (cards.length === 0) return null;
  return (
    <div class="cards">
      {cards.map((card, i) => (
        <Card key={i} card={card} disabled={!enabled || answered} onPostback={(choice) => void run(choice)} />
      ))}
      {answered && chosen && <p class="choice-made">{richStrings.cardActionSent(chosen)}</p>}
    </div>
  );
}

function Card({ card, disabled, onPostback }: { card: Item; disabled: boolean; onPostback: (choice: { text: string; payload: string }) => void }) {
  const media = safeSrc(str(card.media_url));
  const title = str(card.title);
  const description = str(card.description);
  return (
    <div class="card">
      {media && <img class="card__media" src={media} alt="" loading="lazy" decoding="async" />}
      <div class="card__body">
        {title && <p class="card__title">{title}</p>}
        {description && <p class="card__description">{description}</p>}
        <div class="card__actions">
          {objects(card.actions).map((action, i) => {
            const text = str(action.text) ?? '';
            if (action.type === 'link') {
              const href = linkOf(str(action.uri));
              return href ? (
                <a key={i} class="button button--small card__action" href={href} target="_blank" rel="noopener noreferrer">
                  {text || href}
                </a>
              ) : null;
            }
            if (action.type !== 'postback' || !text) return null;
            return (
              <button key={i} type="button" class="button button--small card__action" disabled={disabled} onClick={() => onPostback({ text, payload: str(action.payload) || text })}>
                {text}
              </button>
            );
          })}
        </div>
      </div>
    </div>
  );
}
