// The records the sandbox keeps in memory (shapes of Chatwoot's tables, reduced to what is served).

export interface Inbox {
  id: number;
  identifier: string;
  name: string;
  hmacToken: string;
  hmacMandatory: boolean;
}

export interface Contact {
  id: number;
  name: string;
  email: string | null;
  phoneNumber: string | null;
  identifier: string | null;
  customAttributes: Record<string, unknown>;
  additionalAttributes: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  lastActivityAt: Date | null;
}

/** A session: one per `source_id`, owning its own `pubsub_token`. */
export interface ContactInbox {
  id: number;
  contactId: number;
  inboxId: number;
  sourceId: string;
  pubsubToken: string;
  hmacVerified: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type ConversationStatus = 'open' | 'resolved' | 'pending' | 'snoozed';

export interface Conversation {
  /** Display id: per account, used in every path. */
  id: number;
  uuid: string;
  inboxId: number;
  contactId: number;
  contactInboxId: number;
  status: ConversationStatus;
  customAttributes: Record<string, unknown>;
  assigneeId: number | null;
  contactLastSeenAt: number;
  agentLastSeenAt: number;
  createdAt: number;
  updatedAt: number;
  lastActivityAt: number;
  firstReplyCreatedAt: Date | null;
  /** Unix ms of the customer's last `typing_on`, null when off (shown in the agent console). */
  contactTypingSince: number | null;
}

export interface Attachment {
  id: number;
  messageId: number;
  fileType: string;
  mimeType: string;
  filename: string;
  /** Blob key used in the served URLs. */
  key: string;
  data: Buffer;
  /** Hex sha256 of `data` (agent API only). */
  sha256: string;
  /** Pixel size for images whose header could be read; null otherwise (as before Chatwoot's analysis). */
  width: number | null;
  height: number | null;
}

type SenderKind = 'contact' | 'user' | 'agent_bot' | 'captain_assistant';
export type SenderRef = { type: SenderKind; id: number } | null;

/** One PATCH/PUT of `submitted_values` that was stored (agent API only). */
interface Submission {
  at: number;
  via: 'PATCH' | 'PUT' | 'csat_survey';
  submitted_values: unknown;
}

export interface Message {
  id: number;
  /** Display id of the conversation. */
  conversationId: number;
  content: string | null;
  messageType: 0 | 1 | 2 | 3;
  contentType: string;
  contentAttributes: Record<string, unknown>;
  createdAt: number;
  updatedAt: Date;
  private: boolean;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  sender: SenderRef;
  attachments: Attachment[];
  /** Client API PATCH/PUT requests that reached this message, whatever their outcome. */
  patchCount: number;
  submissions: Submission[];
}

export interface Agent {
  id: number;
  name: string;
  availableName: string;
  online: boolean;
}
