import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

/**
 * antd's secondary texts (descriptions' labels, empty tables) are 45 % black: below the 4.5:1 contrast
 * axe requires, and so are its default links (#1677ff, 4:1) and its error red (#ff4d4f, 3.3:1, the
 * fields' error sentences). The registry and rules screens darken them: 65 % black, #0958d9, #cf1322.
 */
export function AreaTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      theme={{
        token: {
          colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
          colorTextDescription: 'rgba(0, 0, 0, 0.65)',
          colorLink: '#0958d9',
          colorError: '#cf1322',
        },
      }}
    >
      {children}
    </ConfigProvider>
  );
}
