// The words of rich messages (Markdown, attachments, interactive messages, sender labels). Same mechanism
// as strings.ts: the messages are in public/_locales/<language>/messages.json, read through the browser's
// i18n API; properties are getters, sentences with a value are functions.
import { formatNumber } from './i18n/locale';
import { t } from './i18n/messages';

const sizeUnits = ['sizeBytes', 'sizeKB', 'sizeMB', 'sizeGB', 'sizeTB'] as const;

export const richStrings = {
  // A row that failed to render, a deleted message
  get cantShow() { return t('cantShow'); },
  get messageDeleted() { return t('messageDeleted'); },

  // Who wrote it
  get botLabel() { return t('botLabel'); },
  get botTitle() { return t('botTitle'); },
  get aiLabel() { return t('aiLabel'); },
  get aiTitle() { return t('aiTitle'); },

  // Markdown
  get image() { return t('image'); },
  imageLink: (alt: string) => (alt ? t('imageLink', alt) : t('image')),
  get taskDone() { return t('taskDone'); },
  get taskOpen() { return t('taskOpen'); },

  // Form answers written back as JSON, and submitted forms
  get answers() { return t('answers'); },
  noValue: '—',
  get yes() { return t('yes'); },
  get no() { return t('no'); },

  // Attachments
  get attachment() { return t('attachment'); },
  get download() { return t('download'); },
  get openImage() { return t('openImage'); },
  get imageViewer() { return t('image'); },
  get close() { return t('close'); },
  get openOriginal() { return t('openOriginal'); },
  get location() { return t('location'); },
  get openMap() { return t('openMap'); },
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
  get ratingGroup() { return t('ratingGroup'); },
  get csatThanks() { return t('csatThanks'); },
  csatRated: (n: number) => t('csatRated', formatNumber(n)),

  // Forms and the email question
  get submit() { return t('submit'); },
  get sending() { return t('sending'); },
  requiredField: (label: string) => t('required', label),
  get invalidEmail() { return t('invalidEmail'); },
  invalidField: (label: string) => t('invalidField', label),
  get choose() { return t('choose'); },
  get emailLabel() { return t('emailLabel'); },
  get emailPlaceholder() { return t('emailPlaceholder'); },
  emailGiven: (email: string) => t('emailGiven', email),

  // Articles and cards
  get articles() { return t('articles'); },
  cardActionSent: (text: string) => t('chosen', text),
};
