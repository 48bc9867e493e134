// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InlineCode } from '../../src/ui/components/InlineCode.tsx';

afterEach(cleanup);

describe('summaries written with backticks', () => {
  it('show code marks, not the backticks', () => {
    const { container } = render(<p><InlineCode text="The width is a parameter, `buffer-width-m`: a wide buffer arms `red-line`." /></p>);
    expect([...container.querySelectorAll('code')].map((c) => c.textContent)).toEqual(['buffer-width-m', 'red-line']);
    expect(container.textContent).toBe('The width is a parameter, buffer-width-m: a wide buffer arms red-line.');
  });

  it('keep an unmatched backtick as written', () => {
    const { container } = render(<p><InlineCode text="a lone ` stays" /></p>);
    expect(container.querySelectorAll('code')).toHaveLength(0);
    expect(container.textContent).toBe('a lone ` stays');
  });
});
