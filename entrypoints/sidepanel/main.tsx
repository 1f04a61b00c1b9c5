import { render } from 'preact';
import { SidePanel } from '@/components/panel/side-panel';
import { createRuntimeConnector } from '@/utils/connector';
import { createPanelModel } from '@/utils/panel/panel-model';
import '@/components/theme.css';
import './style.css';

const model = createPanelModel(createRuntimeConnector());
render(<SidePanel model={model} />, document.getElementById('app')!);
