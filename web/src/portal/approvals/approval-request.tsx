import { useQuery } from '@tanstack/react-query';
import { Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { ApprovalActions } from './approval-actions';
import { ApprovalHistory } from './approval-history';
import { ApprovalSubject } from './approval-subject';

/** /portal/approvals/:requestId: the document read first, then the decision, then the history. */
export function ApprovalRequest() {
  const { t } = useTranslation();
  const { requestId } = useParams() as { requestId: string };
  const request = useQuery({
    queryKey: ['approvals', requestId],
    queryFn: () => unwrap(api.GET('/api/v1/approvals/{id}', { params: { path: { id: requestId } } })),
  });
  const data = request.data;
  return (
    <>
      <Link to="/portal/approvals">{t('portal.approvals.back')}</Link>
      {request.isLoading && <Spin description={t('app.loading')} />}
      <ProblemAlert error={request.error} />
      {data && (
        <>
          <Typography.Title level={1}>{t(`portal.approvals.workflows.${data.workflowKey}`)}</Typography.Title>
          <Typography.Paragraph>
            {t(`portal.approvals.states.${data.state}`)} · {t('portal.approvals.request.round', { round: data.round })}
            {data.approvalsRequired > 1 &&
              ` · ${t('portal.approvals.request.progress', { count: data.approvalsSoFar, required: data.approvalsRequired })}`}
          </Typography.Paragraph>
          <section aria-labelledby="approval-subject-title">
            <Typography.Title level={2} id="approval-subject-title">
              {t('portal.approvals.request.subject')}
            </Typography.Title>
            <ApprovalSubject subjectType={data.subjectType} subjectId={data.subjectId} />
          </section>
          <ApprovalActions request={data} onActed={() => void request.refetch()} />
          <ApprovalHistory acts={data.acts} />
        </>
      )}
    </>
  );
}
