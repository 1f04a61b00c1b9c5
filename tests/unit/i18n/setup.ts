// Unit tests speak English: WXT's fake browser lacks i18n, so getMessage reads the English messages file,
// as Chrome would on an English browser. Tests of other languages swap it (see locales.test.ts).
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '@/public/_locales/en/messages.json';
import { fakeGetMessage, predefinedFor } from './fake-i18n';

fakeBrowser.i18n.getMessage = fakeGetMessage(english, predefinedFor('en'));
