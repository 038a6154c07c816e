import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';

/**
 * antd's descriptive texts (form help, character counts, description labels) are 45% black on
 * white and its error red #ff4d4f is 3.3:1, under WCAG's 4.5:1; these screens darken them
 * (#595959 is 7:1, #c62828 5.6:1) so axe finds none.
 */
export function ReadableTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      theme={{ token: { colorTextDescription: '#595959', colorTextTertiary: '#595959', colorError: '#c62828' } }}
    >
      {children}
    </ConfigProvider>
  );
}

/** An empty table's sentence in readable grey (antd draws it in the disabled colour, 25% black). */
export function EmptyText({ children }: { children: ReactNode }) {
  return <span style={{ color: '#595959' }}>{children}</span>;
}

/** A link inside the app, in the console's red (antd's link blue #1677ff is 4.0:1 on white). */
export function ReadableLink(props: LinkProps) {
  return <Link {...props} style={{ color: '#a50e0e', ...props.style }} />;
}
