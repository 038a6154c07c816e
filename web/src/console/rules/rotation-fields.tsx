import { useQuery } from '@tanstack/react-query';
import { Checkbox, Form, InputNumber, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COUNTERSIGNERS } from './rules-form';
import { OrderedListField } from './ordered-list-field';
import { currentMembersQuery } from './rules-queries';

const E = 'console.rules.editor';

/**
 * The leader rotation (whether this year's leader may be elected again; a fixed order of the member
 * units, picked from today's members by name, stored by code), who countersigns the pledges and how
 * many heads adopt the next version.
 */
export function RotationFields({
  clusterId,
  fixedOrder,
}: {
  clusterId: string;
  fixedOrder: (string | undefined)[] | undefined;
}) {
  const { t } = useTranslation();
  const members = useQuery(currentMembersQuery(clusterId));
  const units = (members.data?.items ?? []).map(({ unit }) => ({ value: unit.code, label: unit.name }));
  return (
    <>
      <section aria-labelledby="rules-edit-rotation">
        <Typography.Title level={3} id="rules-edit-rotation">
          {t(`${E}.rotation`)}
        </Typography.Title>
        <Form.Item name={['content', 'leaderRotation', 'outgoingLeaderEligible']} valuePropName="checked">
          <Checkbox>{t(`${E}.outgoingLeaderEligible`)}</Checkbox>
        </Form.Item>
        <OrderedListField
          name={['content', 'leaderRotation', 'fixedOrder']}
          label={t(`${E}.fixedOrder`)}
          options={units}
          typed={fixedOrder}
          addLabel={t(`${E}.fixedOrderAdd`)}
          empty={t(`${E}.fixedOrderEmpty`)}
        />
      </section>
      <section aria-labelledby="rules-edit-pledge">
        <Typography.Title level={3} id="rules-edit-pledge">
          {t(`${E}.pledgeAndAdoption`)}
        </Typography.Title>
        <Form.Item name={['content', 'pledge', 'countersignedBy']} label={t(`${E}.countersignedBy`)}>
          <Radio.Group
            options={COUNTERSIGNERS.map((value) => ({ value, label: t(`console.rules.words.countersigner.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name={['content', 'adoptionApprovals']} label={t(`${E}.adoptionApprovals`)}>
          <InputNumber min={1} step={1} />
        </Form.Item>
      </section>
    </>
  );
}
