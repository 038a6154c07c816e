import { useQuery } from '@tanstack/react-query';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/client';
import { useConsoleScope } from '../console-scope';
import { useUnitNames } from '../year/cycle-data';
import { SUBJECT_AREA, stateName, workflowName } from './approval-labels';

type Request = Schemas['ApprovalRequestResponseDto'];

/** What the request is about: the document, its unit, where it is worked on, and where it stands. */
export function RequestSubject({ request }: { request: Request }) {
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  const scope = useConsoleScope();
  const unitNames = useUnitNames(scope.clusterId);
  const rules = useQuery({
    queryKey: ['rules-versions', request.subjectId],
    queryFn: () => unwrap(api.GET('/api/v1/rules-versions/{id}', { params: { path: { id: request.subjectId } } })),
    enabled: request.subjectType === 'rules_version',
  });
  const area = SUBJECT_AREA[request.subjectType];
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={[
        {
          key: 'document',
          label: t('console.approvals.columns.document'),
          children: workflowName(t, exists, request.workflowKey),
        },
        ...(rules.data
          ? [
              {
                key: 'title',
                label: t('console.approvals.request.title'),
                children: t('console.approvals.request.rulesTitle', {
                  number: rules.data.number,
                  title: rules.data.title,
                }),
              },
            ]
          : []),
        {
          key: 'unit',
          label: t('console.approvals.columns.unit'),
          children: request.unitId ? (unitNames.get(request.unitId) ?? '…') : t('console.approvals.wholeCluster'),
        },
        { key: 'state', label: t('console.approvals.columns.state'), children: stateName(t, exists, request.state) },
        {
          key: 'round',
          label: t('console.approvals.request.round'),
          children: t('console.approvals.request.roundValue', {
            round: request.round,
            soFar: request.approvalsSoFar,
            required: request.approvalsRequired,
          }),
        },
        ...(area
          ? [
              {
                key: 'open',
                label: t('console.approvals.request.workedOn'),
                children: <Link to={`/console/${area}`}>{t(`console.menu.${area}`)}</Link>,
              },
            ]
          : []),
      ]}
    />
  );
}
