// The screens of one conversation (a thread, or a new one): the composer, files, screenshots and their
// redaction come with them. A chunk of its own: the side panel's first screen is the conversation list, and
// its first load has a size budget. panel-app.tsx fetches it as soon as the browser is idle after the first
// paint, so a conversation opened by hand finds it there.
export { Announcements } from './announcements';
export { NewConversation } from './new-conversation';
export { ThreadScreen } from './thread-screen';
