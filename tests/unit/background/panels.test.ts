import { describe, expect, it, vi } from 'vitest';
import { createPanels } from '@/utils/background/panels';

const sink = () => ({ post: vi.fn() });

describe('panels', () => {
  it('knows the distinct threads on screen across panels', () => {
    const panels = createPanels();
    const one = panels.attach(sink(), () => {});
    const two = panels.attach(sink(), () => {});
    one.setView(1);
    two.setView(1);
    expect([...panels.visible.value]).toEqual([1]);
    two.setView(2);
    expect([...panels.visible.value].sort()).toEqual([1, 2]);
    expect(panels.isVisible(2)).toBe(true);
    two.detach();
    expect([...panels.visible.value]).toEqual([1]);
    expect(panels.isVisible(2)).toBe(false);
    one.setView(null);
    expect(panels.visible.value.size).toBe(0);
  });

  it('the visible set changes only when the threads on screen do; every move is a change to publish', () => {
    const panels = createPanels();
    const one = panels.attach(sink(), () => {});
    const two = panels.attach(sink(), () => {});
    one.setView(1);
    const visible = panels.visible.value;
    const changes = panels.changes.value;
    two.setView(1);
    expect(panels.visible.value).toBe(visible);
    expect(panels.changes.value).toBe(changes + 1);
  });

  it('tells who starts showing a thread before it counts as visible (the unread line goes first)', () => {
    const panels = createPanels();
    const seen: [number, boolean][] = [];
    const one = panels.attach(sink(), (id) => seen.push([id, panels.isVisible(id)]));
    one.setView(4);
    one.setView(null);
    expect(seen).toEqual([[4, false]]);
  });

  it('passes on whether the reader opened the thread now or the panel came back into view', () => {
    const panels = createPanels();
    const seen: [number, boolean][] = [];
    const one = panels.attach(sink(), (id, fresh) => seen.push([id, fresh]));
    one.setView(4, true);
    one.setView(null);
    one.setView(4);
    expect(seen).toEqual([[4, true], [4, false]]);
  });

  it('lists the panels with what each shows; a detached panel is ignored', () => {
    const panels = createPanels();
    const a = sink();
    const b = sink();
    const one = panels.attach(a, () => {});
    panels.attach(b, () => {});
    one.setView(3);
    expect(panels.sinks()).toEqual([[a, 3], [b, null]]);
    one.detach();
    one.setView(5);
    expect(panels.sinks()).toEqual([[b, null]]);
    expect(panels.isVisible(5)).toBe(false);
  });
});
