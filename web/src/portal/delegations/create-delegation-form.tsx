import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';
import type { UnitPerson } from './use-unit-people';

interface Values {
  delegateId: string;
  validFrom?: string;
  validTo: string;
  reason?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** A calendar day (yyyy-mm-dd) starts at midnight in Việt Nam. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00+07:00`);

/** Delegates the unit's head powers to one of its people, from a day (or now) to the end of a day. */
export function CreateDelegationForm({ unitId, people }: { unitId: string; people: UnitPerson[] }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const draft = useFormDraft(form, `delegation:${unitId}`);
  const create = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/v1/delegations', {
          params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
          body: {
            unitId,
            delegateId: values.delegateId,
            validFrom: values.validFrom ? startOfDay(values.validFrom).toISOString() : undefined,
            validTo: new Date(startOfDay(values.validTo).getTime() + DAY_MS).toISOString(),
            reason: values.reason?.trim() || undefined,
          },
        }),
      ),
    onSuccess: () => {
      draft.clear();
      form.resetFields();
      void client.invalidateQueries({ queryKey: ['delegations'] });
    },
  });
  const options = people
    .filter((person) => person.userId !== me?.user.id)
    .map((person) => ({
      value: person.userId,
      label: t('portal.delegations.person', {
        name: person.fullName,
        role: person.roles.map((role) => t(`portal.delegations.roles.${role}`)).join(', '),
      }),
    }));
  const delegateName = people.find((person) => person.userId === create.data?.delegateId)?.fullName;

  return (
    <section aria-labelledby="delegation-create-title">
      <Typography.Title level={2} id="delegation-create-title">
        {t('portal.delegations.create.title')}
      </Typography.Title>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 520 }}
        onValuesChange={draft.onValuesChange}
        onFinish={(values) => create.mutate(values)}
      >
        <Form.Item
          name="delegateId"
          label={t('portal.delegations.create.delegate')}
          rules={[{ required: true, message: t('portal.delegations.create.delegateRequired') }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={options} />
        </Form.Item>
        <Form.Item
          name="validFrom"
          label={t('portal.delegations.create.validFrom')}
          extra={t('portal.delegations.create.validFromHelp')}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="validTo"
          label={t('portal.delegations.create.validTo')}
          rules={[{ required: true, message: t('portal.delegations.create.validToRequired') }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('portal.delegations.create.reason')}
          extra={t('portal.delegations.create.reasonHelp')}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" disabled={create.isPending}>
          {t('portal.delegations.create.submit')}
        </Button>
      </Form>
      {create.isSuccess && (
        <Alert
          role="status"
          type="success"
          showIcon
          title={t('portal.delegations.create.done', { name: delegateName ?? '' })}
        />
      )}
      <ProblemAlert error={create.error} title={t('portal.delegations.create.refused')} />
    </section>
  );
}
