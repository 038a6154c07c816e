import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiProblem, unwrap, type Schemas } from '../../api/client';
import { formatDate, formatDateTime } from '../../format/format';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';
import { useConsoleScope } from '../console-scope';
import { flagKeys } from './flag-keys';

type Flag = Schemas['FlagResponseDto'];
type Handover = Schemas['FlagHandoverResponseDto'];
interface OpenForm {
  handoverDate: string;
  place: string;
  witnesses?: string;
}

/** The handover: opened towards the certified next leader, each head's signature followed, cancelled with a reason. */
export function HandoverPanel({ flag, handovers }: { flag: Flag; handovers: Handover[] }) {
  const { t } = useTranslation();
  const { cycle } = useConsoleScope();
  const done = handovers.find((h) => h.cycleId === cycle?.id && h.status === 'completed');
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('console.flag.handover.title')}</h2>}>
      {flag.openHandoverId ? (
        <OpenHandover handoverId={flag.openHandoverId} />
      ) : done ? (
        <HandoverSummary handover={done} />
      ) : cycle ? (
        <OpenHandoverForm flag={flag} cycleId={cycle.id} />
      ) : null}
    </Card>
  );
}

function HandoverSummary({ handover }: { handover: Handover }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        {
          key: 'status',
          label: t('console.flag.handover.status'),
          children: <Tag>{t(`console.flag.handover.statusOf.${handover.status}`)}</Tag>,
        },
        { key: 'from', label: t('console.flag.handover.from'), children: handover.from.name },
        { key: 'to', label: t('console.flag.handover.to', { year: handover.termYear }), children: handover.to.name },
        {
          key: 'date',
          label: t('console.flag.handover.date'),
          children: `${formatDate(handover.handoverDate)}, ${handover.place}`,
        },
        ...(handover.completedAt
          ? [
              {
                key: 'completed',
                label: t('console.flag.handover.completedAt'),
                children: formatDateTime(handover.completedAt),
              },
            ]
          : []),
      ]}
    />
  );
}

function OpenHandover({ handoverId }: { handoverId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const handover = useQuery({
    queryKey: flagKeys.handover(handoverId),
    queryFn: () => unwrap(api.GET('/api/v1/flag-handovers/{id}', { params: { path: { id: handoverId } } })),
    // The heads sign in the portal, which raises no event here: read again while the handover is under way.
    refetchInterval: 3000,
  });
  const data = handover.data;
  // The flag and its chain follow the handover's status (released: in transit; completed: the new holder).
  const status = handover.data?.status;
  useEffect(() => {
    if (status) void queryClient.invalidateQueries({ queryKey: ['flag', 'cluster'] });
    if (status)
      void queryClient.invalidateQueries({ queryKey: flagKeys.all, predicate: (q) => q.queryKey[2] === 'custody' });
  }, [status, queryClient]);
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useMutation({
    mutationFn: (reason: string) =>
      unwrap(
        api.POST('/api/v1/flag-handovers/{id}/cancel', {
          params: { path: { id: handoverId } },
          body: { reason, expectedVersion: data?.version },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: flagKeys.all }),
  });
  if (!data) return <ProblemAlert error={handover.error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <HandoverSummary handover={data} />
      <ul aria-label={t('console.flag.handover.signatures')} aria-live="polite">
        <li>
          {data.releasedAt
            ? t('console.flag.handover.released', { unit: data.from.name, at: formatDateTime(data.releasedAt) })
            : t('console.flag.handover.releasePending', { unit: data.from.name })}
        </li>
        <li>
          {data.completedAt
            ? t('console.flag.handover.received', { unit: data.to.name, at: formatDateTime(data.completedAt) })
            : t('console.flag.handover.receiptPending', { unit: data.to.name })}
        </li>
      </ul>
      <Form form={form} layout="vertical" onFinish={({ reason }) => cancel.mutate(reason)}>
        <Form.Item
          name="reason"
          label={t('console.flag.handover.cancelReason')}
          rules={[{ required: true, message: t('console.flag.required') }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <ProblemAlert error={cancel.error} />
        <Button danger htmlType="submit" loading={cancel.isPending}>
          {t('console.flag.handover.cancel')}
        </Button>
      </Form>
    </Space>
  );
}

function OpenHandoverForm({ flag, cycleId }: { flag: Flag; cycleId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<OpenForm>();
  const draft = useFormDraft(form, `handover:${flag.id}:${cycleId}`);
  const open = useMutation({
    mutationFn: (values: OpenForm) =>
      unwrap(
        api.POST('/api/v1/flags/{id}/handovers', {
          params: { path: { id: flag.id } },
          body: {
            cycleId,
            handoverDate: values.handoverDate,
            place: values.place,
            witnesses: (values.witnesses ?? '')
              .split('\n')
              .map((w) => w.trim())
              .filter(Boolean),
          },
        }),
      ),
    onSuccess: () => {
      draft.clear();
      return queryClient.invalidateQueries({ queryKey: flagKeys.all });
    },
  });
  const required = [{ required: true, message: t('console.flag.required') }];
  const notElected = open.error instanceof ApiProblem && open.error.code === 'handover_recipient_not_elected';
  return (
    <Form<OpenForm>
      form={form}
      layout="vertical"
      onFinish={(values) => open.mutate(values)}
      onValuesChange={draft.onValuesChange}
    >
      <p>{t('console.flag.handover.openHelp')}</p>
      <Form.Item name="handoverDate" label={t('console.flag.handover.date')} rules={required}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="place" label={t('console.flag.handover.place')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item
        name="witnesses"
        label={t('console.flag.handover.witnesses')}
        extra={t('console.flag.handover.witnessesHelp')}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      {notElected ? (
        <Alert role="alert" type="error" showIcon title={t('console.flag.handover.notElected')} />
      ) : (
        <ProblemAlert error={open.error} />
      )}
      <Button type="primary" htmlType="submit" loading={open.isPending}>
        {t('console.flag.handover.open')}
      </Button>
    </Form>
  );
}
