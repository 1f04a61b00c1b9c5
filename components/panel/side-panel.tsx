// The side panel as the browser shows it: the model starts its hand-offs, drafts and page watching, and
// learns whether the panel is visible.
import { useEffect } from 'preact/hooks';
import type { PanelModel } from '@/utils/panel/panel-model';
import { PanelApp } from './panel-app';
import { usePageVisibility } from './use-page-visibility';

export function SidePanel({ model }: { model: PanelModel }) {
  useEffect(() => model.start(), [model]);
  usePageVisibility(model.setPageVisible);
  return <PanelApp model={model} />;
}
