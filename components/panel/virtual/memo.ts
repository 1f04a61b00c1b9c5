// `memo` without preact/compat (whose side effects would all come into the panel's first chunk): a component
// that renders again only when one of its props changed (compared with ===). Rows get their message object
// from the thread model, which keeps the object of a row that did not change: one new message renders one row.
import { Component, h, type ComponentType, type FunctionComponent } from 'preact';

export function shallowEqual(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key in left) if (!(key in right) || left[key] !== right[key]) return false;
  for (const key in right) if (!(key in left)) return false;
  return true;
}

export function memo<P extends object>(render: FunctionComponent<P>): ComponentType<P> {
  return class Memo extends Component<P> {
    static displayName = `Memo(${render.displayName ?? render.name})`;
    shouldComponentUpdate(next: P): boolean {
      return !shallowEqual(this.props, next);
    }
    render(props: P) {
      return h(render, props);
    }
  };
}
