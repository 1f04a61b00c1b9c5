// The words of rich messages (Markdown, attachments, interactive messages, sender labels), kept apart from
// strings.ts while that file is being reworked; to be merged into it. Same rules: whole sentences, plurals
// and interpolations as functions.

const sizeUnits = ['B', 'KB', 'MB', 'GB', 'TB'];

export const richStrings = {
  // A row that failed to render, a deleted message
  cantShow: 'This message can’t be shown',
  messageDeleted: 'This message was deleted',

  // Who wrote it
  botLabel: 'Bot',
  botTitle: 'An automated reply from a bot',
  aiLabel: 'AI',
  aiTitle: 'Written by an AI assistant',

  // Markdown
  image: 'Image',
  imageLink: (alt: string) => (alt ? `Image: ${alt}` : 'Image'),
  taskDone: 'Done:',
  taskOpen: 'To do:',

  // Form answers written back as JSON, and submitted forms
  answers: 'Answers',
  noValue: '—',
  yes: 'Yes',
  no: 'No',

  // Attachments
  attachment: 'Attachment',
  download: 'Download',
  openImage: 'Open image',
  imageViewer: 'Image',
  close: 'Close',
  openOriginal: 'Open original',
  location: 'Location',
  openMap: 'Open map',
  fileSize: (bytes: number) => {
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < sizeUnits.length - 1) {
      value /= 1024;
      unit++;
    }
    const shown = unit === 0 || value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
    return `${shown} ${sizeUnits[unit]}`;
  },

  // Options and ratings
  chosen: (title: string) => `You chose: ${title}`,
  rate: (n: number) => `Rate ${n} out of 5`,
  ratingGroup: 'Rate this conversation',
  csatThanks: 'Thanks for your feedback!',
  csatRated: (n: number) => `You rated ${n} out of 5`,

  // Forms and the email question
  submit: 'Submit',
  sending: 'Sending…',
  requiredField: (label: string) => `${label} is required`,
  invalidEmail: 'Enter a valid email address, like name@example.com',
  invalidField: (label: string) => `Check ${label}`,
  choose: 'Choose…',
  emailLabel: 'Your email',
  emailPlaceholder: 'name@example.com',
  emailGiven: (email: string) => `Your email: ${email}`,

  // Articles and cards
  articles: 'Suggested articles',
  cardActionSent: (text: string) => `You chose: ${text}`,
};
