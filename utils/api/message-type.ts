// Chatwoot's `message_type` values (app/models/message.rb): who a message is from.
export const MessageType = {
  /** The contact: our customer. */
  incoming: 0,
  /** An agent, a bot or an automation, to the contact. */
  outgoing: 1,
  /** Conversation activity ("Alex resolved the conversation"): never the contact's to see as a message. */
  activity: 2,
  /** A template (e.g. the CSAT survey, the email collect prompt). */
  template: 3,
} as const;
