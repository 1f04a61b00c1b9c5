// The interactive messages that are rare (cards, forms, articles, the email question) and the image
// viewer, as one lazy chunk: they cost the side panel's first load nothing until a message needs them.
export { Articles } from './articles';
export { Cards } from './cards';
export { EmailInput } from './email-input';
export { FormMessage } from './form-message';
export { ImageViewer } from './image-viewer';
