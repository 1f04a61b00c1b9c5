// The theme first: the components' own styles, imported with them, come after it and refine it.
import '@/components/theme.css';
import { render } from 'preact';
import { OptionsForm } from '@/components/options/options-form';
import { createRuntimeConnector } from '@/utils/connector';
import './style.css';

render(<OptionsForm connector={createRuntimeConnector()} />, document.getElementById('app')!);
