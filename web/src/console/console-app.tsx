import { Layout, Menu, Select, Space, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useLocation } from 'react-router';
import { NotFoundPage } from '../pages/not-found-page';
import { RequireSignIn, useSession } from '../auth/session';
import { registerMessages } from '../i18n/i18n';
import { AntdProvider } from '../ui/antd-provider';
import { CONSOLE_AREAS } from './console-areas';
import { ConsoleScopeProvider, useConsoleScope } from './console-scope';
import en from './messages.en.json';
import vi from './messages.vi.json';
import './console.css';

registerMessages({ vi, en });

/** The secretariat's console (issue 16): its own chunk, Ant Design, one area per part of the year. */
export default function ConsoleApp() {
  return (
    <AntdProvider>
      <RequireSignIn>
        <RequireSecretariat>
          <ConsoleScopeProvider>
            <ConsoleLayout />
          </ConsoleScopeProvider>
        </RequireSecretariat>
      </RequireSignIn>
    </AntdProvider>
  );
}

function RequireSecretariat({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!me) return <Spin description={t('app.loading')} />;
  const allowed = me.mandates.some((mandate) => mandate.role === 'secretariat' || mandate.role === 'admin');
  if (!allowed) {
    return (
      <Typography.Paragraph role="alert" className="console-refused">
        {t('console.notSecretariat')} <Link to="/portal">{t('console.toPortal')}</Link>
      </Typography.Paragraph>
    );
  }
  return <>{children}</>;
}

function ConsoleLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const selected = location.pathname.replace(/^\/console\/?/, '').split('/')[0] || 'home';
  return (
    <Layout className="console">
      <Layout.Sider width={220} theme="light" breakpoint="lg" collapsedWidth={0} className="console-sider">
        <nav aria-label={t('console.menu.label')}>
          <Menu
            mode="inline"
            selectedKeys={[selected === '' ? 'home' : selected]}
            items={CONSOLE_AREAS.map((area) => ({
              key: area.key,
              label: (
                <Link to={area.key === 'home' ? '/console' : `/console/${area.key}`}>
                  {t(`console.menu.${area.key}`)}
                </Link>
              ),
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout.Content className="console-content">
        <ScopeBar />
        <Suspense fallback={<Spin description={t('app.loading')} />}>
          <Routes>
            {CONSOLE_AREAS.map(({ key, path, Component }) =>
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

/** The cluster and the year every screen of the console works on. */
function ScopeBar() {
  const { t } = useTranslation();
  const scope = useConsoleScope();
  return (
    <Space wrap className="console-scope" aria-label={t('console.scope.label')} role="group">
      <label>
        <span className="console-scope-label">{t('console.scope.cluster')}</span>
        <Select
          aria-label={t('console.scope.cluster')}
          value={scope.clusterId}
          onChange={scope.setClusterId}
          options={scope.clusters.map((cluster) => ({ value: cluster.id, label: cluster.name }))}
          style={{ minWidth: 280 }}
        />
      </label>
      <label>
        <span className="console-scope-label">{t('console.scope.cycle')}</span>
        <Select
          aria-label={t('console.scope.cycle')}
          value={scope.cycle?.id}
          onChange={scope.setCycleId}
          options={scope.cycles.map((cycle) => ({
            value: cycle.id,
            label: t('console.scope.cycleLabel', { year: cycle.year, phase: t(`console.phase.${cycle.phase}`) }),
          }))}
          style={{ minWidth: 220 }}
          notFoundContent={t('console.scope.noCycle')}
        />
      </label>
    </Space>
  );
}
