import { Button, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';

type Item = Partial<Schemas['BonusPenaltyItemDto']>;
const E = 'console.rules.editor';

/** The bonus (or penalty) items: code, what earns (or costs) the points, points per occurrence, the cap. */
export function ItemFields({ list, typed }: { list: 'bonus' | 'penalty'; typed: (Item | undefined)[] | undefined }) {
  const { t } = useTranslation();
  const positive = (message: string) => ({
    validator: (_: unknown, value: number | null | undefined) =>
      value === null || value === undefined || value > 0 ? Promise.resolve() : Promise.reject(new Error(message)),
  });
  return (
    <section aria-labelledby={`rules-edit-${list}`}>
      <Typography.Title level={4} id={`rules-edit-${list}`}>
        {t(`console.rules.content.${list}`)}
      </Typography.Title>
      <Form.List name={['content', 'scoring', list]}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => {
              const ref = typed?.[index]?.code?.trim() || t(`${E}.${list}.position`, { n: index + 1 });
              return (
                <Flex key={field.key} role="group" aria-label={ref} wrap gap="small" align="end">
                  <Form.Item
                    name={[field.name, 'code']}
                    label={t(`${E}.${list}.code`, { n: index + 1 })}
                    rules={[{ required: true, whitespace: true, message: t('console.rules.errors.itemCode') }]}
                  >
                    <Input maxLength={50} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t(`${E}.itemNameOf`, { ref })}
                    rules={[{ required: true, whitespace: true, message: t('console.rules.errors.name') }]}
                    style={{ flex: 1, minWidth: 260 }}
                  >
                    <Input maxLength={500} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'points']}
                    label={t(`${E}.pointsOf`, { ref })}
                    rules={[
                      { required: true, message: t('console.rules.errors.points') },
                      positive(t('console.rules.errors.points')),
                    ]}
                  >
                    <InputNumber min={0} step={0.5} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'cap']}
                    label={t(`${E}.capOf`, { ref })}
                    rules={[
                      { required: true, message: t('console.rules.errors.cap') },
                      positive(t('console.rules.errors.cap')),
                    ]}
                  >
                    <InputNumber min={0} step={1} />
                  </Form.Item>
                  <Form.Item>
                    <Button danger aria-label={t(`${E}.removeItem`, { item: ref })} onClick={() => remove(field.name)}>
                      {t(`${E}.remove`)}
                    </Button>
                  </Form.Item>
                </Flex>
              );
            })}
            <Button onClick={() => add({ code: '', name: '', points: 1 })} style={{ marginBottom: 16 }}>
              {t(`${E}.${list}.add`)}
            </Button>
          </>
        )}
      </Form.List>
    </section>
  );
}
