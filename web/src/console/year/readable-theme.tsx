import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import './readable.css';

/**
 * Colours for the year's screens that pass WCAG AA contrast on white (axe in the browser tests):
 * antd's default link blue, error red and grey descriptions are just under 4.5:1.
 */
export function ReadableTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      theme={{
        token: {
          colorLink: '#0958d9',
          colorLinkHover: '#003eb3',
          colorError: '#c41d1d',
          colorTextDescription: 'rgba(0, 0, 0, 0.66)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.66)',
        },
      }}
    >
      <div className="console-readable">{children}</div>
    </ConfigProvider>
  );
}

/** Tag colours given as hex: antd then writes white text on them, readable at any size. */
export const TAG = { good: '#135200', bad: '#a8071a', warn: '#ad4e00', info: '#0958d9' } as const;
