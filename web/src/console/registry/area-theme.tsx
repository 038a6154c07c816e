import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

/**
 * antd's secondary texts (descriptions' labels, empty tables) are 45 % black: below the 4.5:1 contrast
 * axe requires, and so are its default links (#1677ff, 4:1). The registry and rules screens darken
 * them: 65 % black and #0958d9 (about 6:1 on white).
 */
export function AreaTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      theme={{
        token: {
          colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
          colorTextDescription: 'rgba(0, 0, 0, 0.65)',
          colorLink: '#0958d9',
        },
      }}
    >
      {children}
    </ConfigProvider>
  );
}
