// The words of rich messages (Markdown, attachments, interactive messages, sender labels). Same mechanism
// as strings.ts: the messages are in public/_locales/<language>/messages.json, read through the browser's
// i18n API; each word is a getter (listed by key at the end), each sentence with a value a function.
import { formatNumber } from './i18n/locale';
import { t, withMessages } from './i18n/messages';

const sizeUnits = ['sizeBytes', 'sizeKB', 'sizeMB', 'sizeGB', 'sizeTB'] as const;

const sentences = {
  get imageViewer() { return t('image'); },
  imageLink: (alt: string) => (alt ? t('imageLink', alt) : t('image')),
  // Form answers written back as JSON, and submitted forms: an empty answer
  noValue: '—',
  /** 900 B, 1.5 MB, 12 KB: in the locale's digits and units (1,5 Mo in French). */
  fileSize: (bytes: number) => {
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < sizeUnits.length - 1) {
      value /= 1024;
      unit++;
    }
    const shown = unit === 0 || value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
    return t(sizeUnits[unit]!, formatNumber(shown));
  },
  // Options and ratings
  chosen: (title: string) => t('chosen', title),
  rate: (n: number) => t('rate', formatNumber(n)),
  csatRated: (n: number) => t('csatRated', formatNumber(n)),
  // Forms and the email question
  requiredField: (label: string) => t('required', label),
  invalidField: (label: string) => t('invalidField', label),
  emailGiven: (email: string) => t('emailGiven', email),
  // Cards
  cardActionSent: (text: string) => t('chosen', text),
};

export const richStrings = withMessages(sentences, [
  // A row that failed to render, a deleted message
  'cantShow', 'messageDeleted',
  // Who wrote it
  'botLabel', 'botTitle', 'aiLabel', 'aiTitle',
  // Markdown
  'image', 'taskDone', 'taskOpen',
  // Form answers written back as JSON, and submitted forms
  'answers', 'yes', 'no',
  // Attachments
  'attachment', 'download', 'openImage', 'close', 'openOriginal', 'location', 'openMap',
  // Ratings
  'ratingGroup', 'csatThanks',
  // Forms and the email question
  'submit', 'sending', 'invalidEmail', 'choose', 'emailLabel', 'emailPlaceholder',
  // Articles
  'articles',
]);
