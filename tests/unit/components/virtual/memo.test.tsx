import { render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { memo, shallowEqual } from '@/components/panel/virtual/memo';

afterEach(cleanup);

describe('memo', () => {
  it('renders again only when a prop changed (===)', () => {
    let renders = 0;
    const Row = memo(({ label }: { item: object; label: string }) => {
      renders++;
      return <p>{label}</p>;
    });
    const item = { id: 1 };
    const { rerender, container } = render(<Row item={item} label="one" />);
    rerender(<Row item={item} label="one" />);
    expect(renders).toBe(1);
    rerender(<Row item={{ id: 1 }} label="one" />); // an equal but new object is a change
    expect(renders).toBe(2);
    rerender(<Row item={item} label="two" />);
    expect(renders).toBe(3);
    expect(container.textContent).toBe('two');
  });

  it('compares props shallowly, both ways', () => {
    expect(shallowEqual({ a: 1, b: 'x' }, { b: 'x', a: 1 })).toBe(true);
    expect(shallowEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(shallowEqual({ a: 1, b: undefined }, { a: 1 })).toBe(false);
    expect(shallowEqual({ a: [] }, { a: [] })).toBe(false);
  });
});
