// The settings page's script (public/options.html). Wiring only; built on its own so that it shares no
// chunk with the side panel. The theme first: the components' own styles, imported with them, come after it
// and refine it.
import '@/components/theme.css';
import { render } from 'preact';
import { OptionsForm } from '@/components/options/options-form';
import { createRuntimeConnector } from '@/utils/connector';
import { localizeDocument } from '@/utils/i18n/locale';
import { strings } from '@/utils/strings';
import './style.css';

export default defineUnlistedScript(() => {
  localizeDocument(strings.optionsTitle); // lang, dir (rtl in Arabic) and title, before the first paint
  render(<OptionsForm connector={createRuntimeConnector()} />, document.getElementById('app')!);
});
