import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignIn } from '../auth/session';
import { registerMessages } from '../i18n/i18n';
import { AntdProvider } from '../ui/antd-provider';
import { AreaLayout } from '../ui/area-layout';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { PORTAL_AREAS } from './portal-areas';
import { PortalScopeProvider, usePortalScope } from './portal-scope';
import './portal.css';

registerMessages({ vi, en });

/** The units' portal (issue 17): officers file and score, heads approve and sign. Desktop and phone. */
export default function PortalApp() {
  return (
    <AntdProvider>
      <RequireSignIn>
        <PortalScopeProvider>
          <PortalLayout />
        </PortalScopeProvider>
      </RequireSignIn>
    </AntdProvider>
  );
}

function PortalLayout() {
  const { t } = useTranslation();
  const scope = usePortalScope();
  if (!scope.unit) {
    return (
      <Typography.Paragraph role="alert" className="portal-refused">
        {t('portal.noUnit')} <Link to="/console">{t('portal.toConsole')}</Link>
      </Typography.Paragraph>
    );
  }
  const areas = PORTAL_AREAS.filter((area) => area.roles.some((role) => scope.hasRole(role)));
  return <AreaLayout name="portal" areas={areas} scopeBar={<ScopeBar />} breakpoint="md" />;
}

/** The unit the person acts for and the year. */
function ScopeBar() {
  const { t } = useTranslation();
  const scope = usePortalScope();
  return (
    <Space wrap className="portal-scope" role="group" aria-label={t('portal.scope.label')}>
      <span className="portal-scope-label">{t('portal.scope.unit')}</span>
      <Select
        aria-label={t('portal.scope.unit')}
        value={scope.unit?.id}
        onChange={scope.setUnitId}
        options={scope.units.map((unit) => ({ value: unit.id, label: unit.name }))}
        style={{ minWidth: 260 }}
      />
      <span className="portal-scope-label">{t('portal.scope.cycle')}</span>
      <Select
        aria-label={t('portal.scope.cycle')}
        value={scope.cycle?.id}
        onChange={scope.setCycleId}
        options={scope.cycles.map((cycle) => ({ value: cycle.id, label: String(cycle.year) }))}
        style={{ minWidth: 120 }}
        notFoundContent={t('portal.scope.noCycle')}
      />
    </Space>
  );
}
