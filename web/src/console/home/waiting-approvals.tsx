import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { workflowName } from '../approvals/approval-labels';

const SHOWN = 5;

/** The first requests waiting for the secretariat, and how many in all; the inbox has the rest. */
export function WaitingApprovals({ unitNames }: { unitNames: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const pending = useQuery({
    queryKey: ['approvals', 'pending', 'home'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/approvals/pending', { params: { query: { page: 1, pageSize: SHOWN, sort: 'createdAt' } } }),
      ),
  });
  return (
    <section aria-labelledby="home-approvals" className="home-section">
      <Typography.Title level={2} id="home-approvals">
        {t('console.home.approvals.heading')}
      </Typography.Title>
      <ProblemAlert error={pending.error} />
      {pending.data && (
        <>
          <Typography.Paragraph>
            {pending.data.total === 0
              ? t('console.home.approvals.none')
              : t('console.home.approvals.count', { count: pending.data.total })}
          </Typography.Paragraph>
          <ul>
            {pending.data.items.map((request) => (
              <li key={request.id}>
                <Link to={`/console/approvals/${request.id}`}>
                  {workflowName(t, (key) => i18n.exists(key), request.workflowKey)}
                  {request.unitId && unitNames.get(request.unitId) ? ` — ${unitNames.get(request.unitId)}` : ''}
                </Link>{' '}
                <Typography.Text type="secondary">{formatDateTime(request.createdAt)}</Typography.Text>
              </li>
            ))}
          </ul>
          {pending.data.total > 0 && <Link to="/console/approvals">{t('console.home.approvals.open')}</Link>}
        </>
      )}
    </section>
  );
}
