import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { useConsoleScope } from '../console-scope';
import { MandatesTable } from './mandates-table';
import { PeopleExport } from './people-export';
import { PeopleImport } from './people-import';

/** One unit: what it is, its people's mandates over time, and its people sheet. */
export function UnitPage() {
  const { t } = useTranslation();
  const { unitId } = useParams<{ unitId: string }>();
  const { isAdmin } = useConsoleScope();
  const unit = useQuery({
    queryKey: ['units', unitId],
    queryFn: () => unwrap(api.GET('/api/v1/units/{id}', { params: { path: { id: unitId! } } })),
    enabled: Boolean(unitId),
  });
  if (!unitId) return null;

  return (
    <Flex vertical gap="large">
      <Link to="/console/registry">{t('console.registry.unit.back')}</Link>
      <Typography.Title level={1}>{unit.data?.name ?? t('console.registry.title')}</Typography.Title>
      <ProblemAlert error={unit.error} />
      {unit.isPending ? (
        <Spin description={t('console.registry.loading')} />
      ) : (
        unit.data && (
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: 'code', label: t('console.registry.unit.code'), children: unit.data.code },
              { key: 'shortName', label: t('console.registry.unit.shortName'), children: unit.data.shortName },
              { key: 'province', label: t('console.registry.unit.province'), children: unit.data.province },
              {
                key: 'kind',
                label: t('console.registry.unit.kind'),
                children: t(`console.registry.unit.kindValue.${unit.data.kind}`),
              },
            ]}
          />
        )
      )}
      {!isAdmin && <Alert type="info" role="note" showIcon title={t('console.registry.unit.whyNoRename')} />}
      <MandatesTable unitId={unitId} isAdmin={isAdmin} />
      <PeopleExport unitId={unitId} unitCode={unit.data?.code} />
      <PeopleImport unitId={unitId} isAdmin={isAdmin} />
    </Flex>
  );
}
