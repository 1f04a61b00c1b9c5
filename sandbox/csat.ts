// The CSAT survey page API, /public/api/v1/csat_survey/{conversation_uuid} (csat_survey_controller.rb,
// models/_csat_survey.json.jbuilder): the conversation's first input_csat message and its recorded response.
import type { Domain } from './domain';
import { HttpError, internalError, isObject, notFound } from './http';
import { ACCOUNT_ID, type Conversation, type Message } from './state';
import { permitSubmitted } from './client-messages';

type Json = Record<string, unknown>;

export function csatSurveyRoute(domain: Domain, method: string, uuid: string | undefined, params: Json): Json {
  const conv = uuid ? domain.store.conversationByUuid(uuid) : undefined;
  const msg = conv && domain.store.allMessages(conv.id).find((m) => m.contentType === 'input_csat');
  if (!conv || !msg) throw notFound();
  if (method === 'GET') return survey(domain, conv, msg);
  if (method !== 'PATCH' && method !== 'PUT') throw notFound();
  msg.patchCount += 1;
  const day = (d: Date) => Math.floor(d.getTime() / 86_400_000);
  if (day(new Date()) - day(new Date(msg.createdAt * 1000)) > 14)
    throw new HttpError(422, { error: 'You cannot update the CSAT survey after 14 days' });
  const values = isObject(params.message) ? params.message.submitted_values : undefined;
  if (!Array.isArray(values) && !isObject(values)) throw internalError();
  domain.submitValues(conv, msg, permitSubmitted(values), 'csat_survey');
  return survey(domain, conv, msg);
}

/** The survey: display_type and content come from the CSAT message (Chatwoot reads the inbox's csat_config,
 *  from which its CSAT message is made, so the two agree). */
function survey(domain: Domain, conv: Conversation, msg: Message): Json {
  const display = msg.contentAttributes.display_type;
  return {
    id: msg.id,
    csat_survey_response: responseRecord(conv, msg),
    display_type: display === 'star' ? 'star' : 'emoji',
    content: msg.content,
    inbox_avatar_url: '',
    inbox_name: domain.store.inbox(conv.inboxId).name,
    locale: 'en',
    conversation_id: conv.id,
    created_at: new Date(msg.createdAt * 1000).toISOString(),
  };
}

/** The CsatSurveyResponse row Chatwoot makes from submitted_values (rating 1–5 required), or null. */
function responseRecord(conv: Conversation, msg: Message): Json | null {
  const sv = msg.contentAttributes.submitted_values;
  const r = isObject(sv) && isObject(sv.csat_survey_response) ? sv.csat_survey_response : undefined;
  const rating = r ? Number.parseInt(String(r.rating), 10) : Number.NaN;
  if (!r || !(rating >= 1 && rating <= 5)) return null;
  const rated = msg.submissions.filter((s) => isObject(s.submitted_values) && isObject(s.submitted_values.csat_survey_response));
  const first = new Date(rated[0]?.at ?? Date.now()).toISOString();
  const last = new Date(rated.at(-1)?.at ?? Date.now()).toISOString();
  return {
    id: msg.id, account_id: ACCOUNT_ID, conversation_id: conv.id, message_id: msg.id, rating,
    feedback_message: typeof r.feedback_message === 'string' ? r.feedback_message : null,
    contact_id: conv.contactId, assigned_agent_id: conv.assigneeId, created_at: first, updated_at: last,
  };
}
