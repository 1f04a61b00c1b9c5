// The theme first: the components' own styles, imported with them, come after it and refine it.
import '@/components/theme.css';
import { render } from 'preact';
import { SidePanel } from '@/components/panel/side-panel';
import { createRuntimeConnector } from '@/utils/connector';
import { localizeDocument } from '@/utils/i18n/locale';
import { createPanelModel } from '@/utils/panel/panel-model';
import './style.css';

localizeDocument(); // lang, dir (rtl in Arabic) and title, before the first paint
const model = createPanelModel(createRuntimeConnector());
render(<SidePanel model={model} />, document.getElementById('app')!);
