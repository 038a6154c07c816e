import type { ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';

/** An empty table's sentence in readable grey (antd draws it in the disabled colour, 25 % black). */
export function EmptyText({ children }: { children: ReactNode }) {
  return <span style={{ color: '#595959' }}>{children}</span>;
}

/** A link inside the app, in the app's red (antd's default link blue #1677ff is 4.0:1 on white). */
export function ReadableLink(props: LinkProps) {
  return <Link {...props} style={{ color: '#a50e0e', ...props.style }} />;
}

/** Tag colours given as hex: antd then writes white text on them, readable at any size. */
export const TAG = { good: '#135200', bad: '#a8071a', warn: '#ad4e00', info: '#0958d9' } as const;
