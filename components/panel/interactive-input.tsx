// Messages that ask for an answer, by content_type: options (input_select), a rating (input_csat), cards,
// a form, articles to read, an email question (input_email). Each answers through a callback; none of them
// knows the panel model. Options and ratings are common and render at once; the rarer kinds come from a
// lazy chunk and appear as soon as it has loaded.
import type { ThreadMessage } from '@/utils/protocol';
import { CsatInput } from './rich/csat-input';
import { SelectInput } from './rich/select-input';
import type { Reply, Submit } from './rich/types';
import { interactiveRenderers } from './rich/use-interactive';
import './rich/interactive.css';

const LAZY_TYPES = new Set(['cards', 'form', 'article', 'input_email']);

export function InteractiveInput({ message, onSubmit, onReply }: { message: ThreadMessage; onSubmit?: Submit; onReply?: Reply }) {
  // Only what the team sends asks the customer something; the customer's own messages never do.
  if (message.from === 'me') return null;
  if (message.contentType === 'input_select') return <SelectInput message={message} onSubmit={onSubmit} />;
  if (message.contentType === 'input_csat') return <CsatInput message={message} onSubmit={onSubmit} />;
  if (!LAZY_TYPES.has(message.contentType)) return null;
  const r = interactiveRenderers();
  if (!r) return null;
  switch (message.contentType) {
    case 'cards':
      return <r.Cards message={message} onReply={onReply} onSubmit={onSubmit} />;
    case 'form':
      return <r.FormMessage message={message} onSubmit={onSubmit} />;
    case 'article':
      return <r.Articles message={message} />;
    default:
      return <r.EmailInput message={message} onSubmit={onSubmit} />;
  }
}
