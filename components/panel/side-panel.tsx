// The side panel wired to the browser: the active page and context-menu handoffs feed the model.
import { useSignal } from '@preact/signals';
import type { PanelModel } from '@/utils/panel/models';
import { PanelApp } from './panel-app';
import { useActivePage } from './use-active-page';
import { useDraftHandoff } from './use-draft-handoff';
import { useOpenRequest } from './use-open-request';
import { usePageVisibility } from './use-page-visibility';
import { useSavedDrafts } from './use-saved-drafts';

export function SidePanel({ model }: { model: PanelModel }) {
  const focusComposer = useSignal(0);
  useActivePage(model);
  useDraftHandoff(model, focusComposer);
  useOpenRequest(model);
  usePageVisibility(model);
  useSavedDrafts(model);
  return <PanelApp model={model} focusComposer={focusComposer} />;
}
