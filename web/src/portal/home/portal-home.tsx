import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { registerMessages } from '../../i18n/i18n';
import { usePortalScope } from '../portal-scope';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { PledgeTodo, ReportTodo, ScoringTodo } from './todo-items';
import './officer.css';

registerMessages({ vi, en });

/** `/portal`: the unit's to-do list for the year — what is due, by when, what came back with a comment. */
export default function PortalHome() {
  const { t } = useTranslation();
  const { unit, cycle, hasRole } = usePortalScope();
  const files = hasRole('officer') || hasRole('head');
  return (
    <section aria-labelledby="portal-home-title" className="portal-page">
      <Typography.Title level={1} id="portal-home-title">
        {t('portal.home.title', { year: cycle?.year ?? '' })}
      </Typography.Title>
      {!cycle || !unit ? (
        <Alert type="info" title={t('portal.home.noCycle')} />
      ) : (
        <>
          <Typography.Paragraph className="portal-muted">
            {t('portal.home.intro', { unit: unit.name })}
          </Typography.Paragraph>
          {files && (
            <div role="list" className="portal-todos">
              <PledgeTodo cycle={cycle} unitId={unit.id} />
              <ReportTodo cycle={cycle} unitId={unit.id} />
              <ScoringTodo cycle={cycle} unitId={unit.id} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
