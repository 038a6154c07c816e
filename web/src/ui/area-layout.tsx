import { Layout, Menu, Spin } from 'antd';
import { Suspense, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation } from 'react-router';
import { NotFoundPage } from '../pages/not-found-page';

export interface Area {
  /** Message key `<name>.menu.<key>` and the area's path segment ('home' is the index). */
  key: string;
  /** Path under the shell; areas with screens of their own end in `/*`. '' is the index. */
  path: string;
  Component: LazyExoticComponent<ComponentType>;
}

/**
 * The console's and the portal's frame (decision 037): a menu of areas, a scope bar, and each area
 * routed inside, lazily; unknown paths answer with the not-found page.
 */
export function AreaLayout({
  name,
  areas,
  scopeBar,
  breakpoint,
}: {
  /** `console` or `portal`: the base path, the CSS prefix and the message section. */
  name: string;
  areas: Area[];
  scopeBar: ReactNode;
  breakpoint: 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const base = `/${name}`;
  const selected = location.pathname.slice(base.length).replace(/^\//, '').split('/')[0] || 'home';
  return (
    <Layout className={name}>
      <Layout.Sider width={220} theme="light" breakpoint={breakpoint} collapsedWidth={0} className={`${name}-sider`}>
        <nav aria-label={t(`${name}.menu.label`)}>
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            items={areas.map((area) => ({
              key: area.key,
              label: (
                <Link to={area.key === 'home' ? base : `${base}/${area.key}`}>{t(`${name}.menu.${area.key}`)}</Link>
              ),
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout.Content className={`${name}-content`}>
        {scopeBar}
        <Suspense fallback={<Spin description={t('app.loading')} />}>
          <Routes>
            {areas.map(({ key, path, Component }) =>
              path === '' ? (
                <Route key={key} index element={<Component />} />
              ) : (
                <Route key={key} path={path} element={<Component />} />
              ),
            )}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
