import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { registerMessages } from '../../i18n/i18n';
import en from './messages.en.json';
import vi from './messages.vi.json';

// Also shown on the pledges page and the to-do list, which may load before the report's chunk.
registerMessages({ vi, en });

type Approval = Schemas['ApprovalSummaryDto'];

/** The approval request of a record, with its acts (who submitted, returned, approved; their comments). */
export function useApprovalRequest(approval?: Approval | null) {
  return useQuery({
    queryKey: ['approvals', approval?.requestId, approval?.version],
    queryFn: () => unwrap(api.GET('/api/v1/approvals/{id}', { params: { path: { id: approval!.requestId } } })),
    enabled: Boolean(approval?.requestId),
  });
}

/** The head's latest "return" with its comment, while the record is back in draft because of it. */
export function returnOf(request?: Schemas['ApprovalRequestResponseDto']): Schemas['ApprovalActResponseDto'] | null {
  if (!request || request.state !== 'draft') return null;
  const last = request.acts.at(-1);
  return last?.transition === 'return' ? last : null;
}

/** Says that the head returned the record, and why (their comment), above the form to correct. */
export function ReturnedNotice({ approval }: { approval?: Approval | null }) {
  const { t } = useTranslation();
  const request = useApprovalRequest(approval);
  const returned = returnOf(request.data);
  if (!returned) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('portal.reports.returned.title')}
      description={
        <>
          {t('portal.reports.returned.by', { date: formatDateTime(returned.createdAt) })}{' '}
          <q className="portal-comment">{returned.comment}</q>
        </>
      }
    />
  );
}
