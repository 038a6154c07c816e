import { Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignIn, useSession } from '../auth/session';
import { registerMessages } from '../i18n/i18n';
import { AntdProvider } from '../ui/antd-provider';
import { AreaLayout } from '../ui/area-layout';
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
  return <AreaLayout name="console" areas={CONSOLE_AREAS} scopeBar={<ScopeBar />} breakpoint="lg" />;
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
