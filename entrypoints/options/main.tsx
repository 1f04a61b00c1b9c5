import { render } from 'preact';
import { OptionsForm } from '@/components/options/options-form';
import { createRuntimeConnector } from '@/utils/connector';
import '@/components/theme.css';
import './style.css';

const connector = createRuntimeConnector();
render(
  <OptionsForm connect={(settings) => connector.request({ type: 'connect', settings })} />,
  document.getElementById('app')!,
);
