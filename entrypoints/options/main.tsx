import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsForm } from '@/components/options/options-form';
import { createRuntimeConnector } from '@/utils/connector';
import { openPanel } from '@/utils/platform';
import '@/components/theme.css';
import './style.css';

const connector = createRuntimeConnector();
// Known before any click: opening the panel must not wait for anything once the user clicks.
let windowId: number | undefined;
void browser.windows.getCurrent().then((w) => (windowId = w.id));

render(
  <OptionsForm
    connect={(settings) => connector.request({ type: 'connect', settings })}
    onOpenChat={() => void openPanel(windowId).catch((e) => console.warn('Could not open the panel', e))}
    currentStatus={() => connector.request({ type: 'snapshot.get' })}
  />,
  document.getElementById('app')!,
);
