import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Ant Design for the console and the portal only (decision 031): its texts in the person's language,
 * the app's colour, no animations, and `App` so that `App.useApp().message` works inside.
 */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : viVN}
      theme={{
        token: {
          colorPrimary: '#a50e0e',
          // antd's default link blue, error red and greys are below 4.5:1 on white (WCAG AA, axe's
          // color-contrast): one darker set for every screen of the console and the portal.
          colorLink: '#0958d9',
          colorLinkHover: '#003eb3',
          colorError: '#cf1322',
          colorTextDescription: '#595959',
          colorTextTertiary: '#595959',
          colorTextQuaternary: '#595959',
          colorTextPlaceholder: '#595959',
          borderRadius: 4,
          fontFamily: 'inherit',
          // No enter/leave animations: an interrupted one (a refusal answered faster than the spinner's
          // entrance) left the spinner on a button that was no longer busy, named "loading …" to
          // screen readers; dialogs and menus also come and go at once on a slow phone in the hall.
          motion: false,
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
