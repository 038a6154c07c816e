import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

/**
 * antd's secondary greys, link blue and error red fall under 4.5:1 on white (axe: color-contrast);
 * these areas darken them so every label, link and warning reads at the WCAG AA ratio.
 */
export function AreaTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      theme={{
        token: {
          colorLink: '#a50e0e',
          colorTextTertiary: '#595959',
          colorTextDescription: '#595959',
          colorTextQuaternary: '#595959',
          colorTextPlaceholder: '#595959',
          colorError: '#a8071a',
        },
      }}
    >
      {children}
    </ConfigProvider>
  );
}
