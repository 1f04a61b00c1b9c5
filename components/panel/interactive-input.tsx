// Messages that ask for an answer, by content_type: options (input_select), a rating (input_csat), cards,
// a form, articles to read, an email question (input_email). Each answers through a callback; none of them
// knows the panel model.
import type { ThreadMessage } from '@/utils/protocol';
import { Articles } from './rich/articles';
import { Cards } from './rich/cards';
import { CsatInput } from './rich/csat-input';
import { EmailInput } from './rich/email-input';
import { FormMessage } from './rich/form-message';
import { SelectInput } from './rich/select-input';
import type { Reply, Submit } from './rich/types';
import './rich/interactive.css';

export function InteractiveInput({ message, onSubmit, onReply }: { message: ThreadMessage; onSubmit?: Submit; onReply?: Reply }) {
  // Only what the team sends asks the customer something; the customer's own messages never do.
  if (message.from === 'me') return null;
  switch (message.contentType) {
    case 'input_select':
      return <SelectInput message={message} onSubmit={onSubmit} />;
    case 'input_csat':
      return <CsatInput message={message} onSubmit={onSubmit} />;
    case 'cards':
      return <Cards message={message} onReply={onReply} />;
    case 'form':
      return <FormMessage message={message} onSubmit={onSubmit} />;
    case 'article':
      return <Articles message={message} />;
    case 'input_email':
      return <EmailInput message={message} onSubmit={onSubmit} />;
    default:
      return null;
  }
}
