import { render } from 'preact';
import { OptionsForm } from '@/components/options/options-form';
import { createRuntimeConnector } from '@/utils/connector';
import '@/components/theme.css';
import './style.css';

render(<OptionsForm connector={createRuntimeConnector()} />, document.getElementById('app')!);
