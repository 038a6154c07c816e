import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { formatDateTime } from '../../format/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { usePagedList } from '../../ui/use-paged-list';
import { useRanking } from './scoring-queries';
import { EmptyText } from '../../ui/readable';

type Assignment = Schemas['ReviewAssignmentResponseDto'];

/** Who cross-checks whose sheet (chấm chéo): the list, assigning a reviewer, withdrawing one. */
export function ReviewAssignments({ periodId, adopted }: { periodId: string; adopted: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = ['scoring-periods', periodId, 'review-assignments'];
  const { tableProps } = usePagedList<Assignment>(
    'reviews',
    key,
    (page) =>
      unwrap(
        api.GET('/api/v1/scoring-periods/{periodId}/review-assignments', {
          params: { path: { periodId }, query: page },
        }),
      ),
    { defaultSort: 'createdAt' },
  );
  const ranking = useRanking(periodId, 'final');
  const unitName = new Map(
    [...(ranking.data?.rows ?? []), ...(ranking.data?.missingUnits ?? [])].map((unit) => [unit.unitId, unit.unitName]),
  );
  const withdraw = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.DELETE('/api/v1/scoring-periods/{periodId}/review-assignments/{id}', {
          params: { path: { periodId, id } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  return (
    <section aria-labelledby="scoring-reviews">
      <Typography.Title level={2} id="scoring-reviews">
        {t('console.scoring.reviews.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('console.scoring.reviews.lead')}</Typography.Paragraph>
      <Table<Assignment>
        {...tableProps}
        size="small"
        locale={{ emptyText: <EmptyText>{t('console.scoring.reviews.empty')}</EmptyText> }}
        columns={[
          {
            key: 'unit',
            title: t('console.scoring.unit'),
            render: (_, row) => unitName.get(row.unitId) ?? row.unitCode,
          },
          { key: 'reviewer', title: t('console.scoring.reviews.reviewer'), dataIndex: 'reviewerName' },
          {
            key: 'createdAt',
            title: t('console.scoring.reviews.assignedAt'),
            render: (_, row) => formatDateTime(row.createdAt),
          },
          {
            key: 'actions',
            title: t('console.scoring.reviews.actions'),
            render: (_, row) =>
              adopted ? null : (
                <Button
                  size="small"
                  loading={withdraw.isPending && withdraw.variables === row.id}
                  onClick={() => withdraw.mutate(row.id)}
                  aria-label={t('console.scoring.reviews.withdrawOf', {
                    reviewer: row.reviewerName,
                    unit: unitName.get(row.unitId) ?? row.unitCode,
                  })}
                >
                  {t('console.scoring.reviews.withdraw')}
                </Button>
              ),
          },
        ]}
      />
      <ProblemAlert error={withdraw.error} />
      {adopted ? null : <AssignReviewerForm periodId={periodId} units={[...unitName]} onAssigned={key} />}
    </section>
  );
}

function AssignReviewerForm({
  periodId,
  units,
  onAssigned,
}: {
  periodId: string;
  units: [string, string][];
  onAssigned: unknown[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Schemas['AssignReviewerDto']>();
  const [search, setSearch] = useState('');
  const people = useQuery({
    queryKey: ['users', { q: search }],
    queryFn: () =>
      unwrap(api.GET('/api/v1/users', { params: { query: { q: search || undefined, isActive: true, pageSize: 20 } } })),
  });
  const assign = useMutation({
    mutationFn: (body: Schemas['AssignReviewerDto']) =>
      unwrap(
        api.POST('/api/v1/scoring-periods/{periodId}/review-assignments', { params: { path: { periodId } }, body }),
      ),
    onSuccess: async () => {
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: onAssigned });
    },
  });

  return (
    <Form form={form} layout="vertical" onFinish={(values) => assign.mutate(values)} style={{ marginTop: 16 }}>
      <Typography.Title level={3}>{t('console.scoring.reviews.assignTitle')}</Typography.Title>
      <Space wrap align="start">
        <Form.Item
          name="unitId"
          label={t('console.scoring.reviews.unitToReview')}
          rules={[{ required: true, message: t('console.scoring.reviews.unitRequired') }]}
        >
          <Select
            style={{ minWidth: 300 }}
            options={units.map(([value, label]) => ({ value, label }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item
          name="reviewerId"
          label={t('console.scoring.reviews.reviewer')}
          extra={t('console.scoring.reviews.reviewerHelp')}
          rules={[{ required: true, message: t('console.scoring.reviews.reviewerRequired') }]}
        >
          <Select
            style={{ minWidth: 340 }}
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={people.isFetching}
            options={(people.data?.items ?? []).map((user) => ({
              value: user.id,
              label: `${user.fullName} (${user.email})`,
            }))}
          />
        </Form.Item>
      </Space>
      <ProblemAlert error={assign.error} />
      <Button type="primary" htmlType="submit" loading={assign.isPending}>
        {t('console.scoring.reviews.assign')}
      </Button>
    </Form>
  );
}
