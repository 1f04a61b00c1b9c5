// Reads an agent-side message from the agent API: JSON (`sample`, base64 `attachments`) or multipart
// (`attachments[]` files), checked as Chatwoot's Message model and ContentAttributeValidator check it.
import type { AgentSide, NewMessage } from './domain';
import { invalid, isObject, type UploadedFile } from './http';
import { isSampleKind, sampleFile, SAMPLE_KINDS } from './samples';
import { MAX_CONTENT } from './validate';

/** message.rb content_type enum. */
const CONTENT_TYPES = [
  'text', 'input_text', 'input_textarea', 'input_email', 'input_select', 'cards', 'form', 'article',
  'incoming_email', 'input_csat', 'integrations', 'sticker', 'voice_call',
];
const SIDES: AgentSide[] = ['agent', 'bot', 'captain', 'none'];

/** content_attribute_validator.rb: the keys each item (and card action) may have. */
const ITEM_KEYS: Record<string, string[]> = {
  input_select: ['title', 'value'],
  cards: ['title', 'description', 'media_url', 'actions'],
  form: ['type', 'placeholder', 'label', 'name', 'options', 'default', 'required', 'pattern', 'title', 'pattern_error'],
  article: ['title', 'description', 'link'],
};
const ACTION_KEYS = ['text', 'type', 'payload', 'uri'];

export interface AgentMessageInput {
  message: NewMessage;
  side: AgentSide;
}

export function readAgentMessage(p: Record<string, unknown>, uploads: UploadedFile[]): AgentMessageInput {
  const content = typeof p.content === 'string' ? p.content : null;
  const contentType = p.content_type === undefined ? 'text' : String(p.content_type);
  if (!CONTENT_TYPES.includes(contentType)) throw invalid(`Content type must be one of ${CONTENT_TYPES.join(', ')}`, ['content_type']);
  const side = (p.sender ?? 'agent') as AgentSide;
  if (!SIDES.includes(side)) throw invalid('Sender must be agent, bot, captain or none', ['sender']);
  const attrs = contentAttributes(p.content_attributes);
  const files = [...uploads, ...samples(p.sample), ...base64Files(p.attachments)];
  if (!content && contentType === 'text' && files.length === 0) throw invalid("Content can't be blank", ['content']);
  if (content && content.length > MAX_CONTENT) throw invalid(`Content is too long (maximum is ${MAX_CONTENT} characters)`, ['content']);
  validateItems(contentType, attrs);
  if (contentType === 'input_csat') {
    attrs.display_type ??= 'emoji';
    if (attrs.display_type !== 'emoji' && attrs.display_type !== 'star') throw invalid('Display type must be emoji or star', ['content_attributes']);
  }
  const isPrivate = p.private === true || p.private === 'true';
  return { message: { content, contentType, contentAttributes: attrs, private: isPrivate, files }, side };
}

function contentAttributes(v: unknown): Record<string, unknown> {
  if (v === undefined || v === null || v === '') return {};
  let parsed = v;
  if (typeof v === 'string') {
    try {
      parsed = JSON.parse(v);
    } catch {
      throw invalid('Content attributes must be a JSON object', ['content_attributes']);
    }
  }
  if (!isObject(parsed)) throw invalid('Content attributes must be a JSON object', ['content_attributes']);
  return structuredClone(parsed);
}

function samples(v: unknown): UploadedFile[] {
  if (v === undefined || v === null) return [];
  const kinds = Array.isArray(v) ? v : [v];
  if (!kinds.every(isSampleKind)) throw invalid(`Sample must be one of ${SAMPLE_KINDS.join(', ')}`, ['sample']);
  return kinds.map(sampleFile);
}

/** `attachments: [{ file_name, content_type, data_base64 }]` in a JSON body. */
function base64Files(v: unknown): UploadedFile[] {
  if (v === undefined || v === null) return [];
  const bad = () => invalid('Attachments must be [{ file_name, content_type, data_base64 }]', ['attachments']);
  if (!Array.isArray(v)) throw bad();
  return v.map((a) => {
    if (!isObject(a) || typeof a.file_name !== 'string' || !a.file_name || typeof a.data_base64 !== 'string') throw bad();
    const type = typeof a.content_type === 'string' && a.content_type ? a.content_type : 'application/octet-stream';
    return { filename: a.file_name, mimeType: type, data: Buffer.from(a.data_base64, 'base64') };
  });
}

/** Chatwoot's messages: "Content attributes At least one item is required." and so on (one 422, all problems). */
function validateItems(contentType: string, attrs: Record<string, unknown>): void {
  const allowed = ITEM_KEYS[contentType];
  if (!allowed) return;
  const items = Array.isArray(attrs.items) ? attrs.items : [];
  const problems: string[] = [];
  if (items.length === 0) problems.push('At least one item is required.');
  if (items.some((i) => !isObject(i))) problems.push('Items should be a hash.');
  const objects = items.filter(isObject);
  const badKeys = objects.flatMap((i) => Object.keys(i)).filter((k) => !allowed.includes(k));
  if (badKeys.length) problems.push(`contains invalid keys for items : ${JSON.stringify([...new Set(badKeys)])}`);
  if (contentType === 'cards') {
    if (objects.some((i) => !Array.isArray(i.actions) || i.actions.length === 0)) problems.push('contains items missing actions');
    else {
      const actionKeys = objects.flatMap((i) => (i.actions as unknown[]).filter(isObject).flatMap((a) => Object.keys(a)));
      const badActions = actionKeys.filter((k) => !ACTION_KEYS.includes(k));
      if (badActions.length) problems.push(`contains invalid keys for actions:  ${JSON.stringify([...new Set(badActions)])}`);
    }
  }
  if (problems.length) throw invalid(problems.map((m) => `Content attributes ${m}`).join(', '), ['content_attributes']);
}
