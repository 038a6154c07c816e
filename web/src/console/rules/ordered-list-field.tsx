import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const E = 'console.rules.editor';

/**
 * An ordered list of codes chosen from a few (the tie-break rules, the units of a fixed rotation order):
 * each shown in words with its place, moved up or down, removed; one more added from those not yet in
 * it. The codes are the form's values (hidden fields), the words are what a person reads.
 */
export function OrderedListField({
  name,
  label,
  options,
  typed,
  addLabel,
  empty,
  required,
}: {
  name: (string | number)[];
  label: string;
  options: { value: string; label: string }[];
  typed: (string | undefined)[] | undefined;
  addLabel: string;
  empty: string;
  /** The sentence when the list may not be empty (checked on saving, as the API does). */
  required?: string;
}) {
  const { t } = useTranslation();
  const addId = useId();
  const wordsOf = (code: string | undefined) => options.find((option) => option.value === code)?.label ?? code ?? '';
  const chosen = new Set(typed ?? []);
  return (
    <Form.List
      name={name}
      rules={
        required
          ? [
              {
                validator: (_, value: unknown[] | undefined) =>
                  value?.length ? Promise.resolve() : Promise.reject(new Error(required)),
              },
            ]
          : undefined
      }
    >
      {(fields, { add, remove, move }, { errors }) => (
        <section aria-label={label} style={{ marginBottom: 16 }}>
          <Typography.Text strong>{label}</Typography.Text>
          {fields.length === 0 ? (
            <Typography.Paragraph type="secondary">{empty}</Typography.Paragraph>
          ) : (
            <ol>
              {fields.map((field, index) => {
                const words = wordsOf(typed?.[index]);
                return (
                  <li key={field.key} style={{ marginBottom: 4 }}>
                    <Form.Item name={field.name} hidden noStyle>
                      <Input type="hidden" />
                    </Form.Item>
                    <Space wrap>
                      <span>{words}</span>
                      <Button
                        size="small"
                        disabled={index === 0}
                        aria-label={t(`${E}.moveUp`, { item: words })}
                        onClick={() => move(index, index - 1)}
                      >
                        ↑
                      </Button>
                      <Button
                        size="small"
                        disabled={index === fields.length - 1}
                        aria-label={t(`${E}.moveDown`, { item: words })}
                        onClick={() => move(index, index + 1)}
                      >
                        ↓
                      </Button>
                      <Button
                        size="small"
                        danger
                        aria-label={t(`${E}.removeItem`, { item: words })}
                        onClick={() => remove(index)}
                      >
                        {t(`${E}.remove`)}
                      </Button>
                    </Space>
                  </li>
                );
              })}
            </ol>
          )}
          <Form.ErrorList errors={errors} />
          <Form.Item label={addLabel} htmlFor={addId} style={{ marginTop: 8 }}>
            <Select<string>
              id={addId}
              value={null}
              style={{ width: 360 }}
              placeholder={t(`${E}.choose`)}
              options={options.filter((option) => !chosen.has(option.value))}
              onChange={(value) => add(value)}
            />
          </Form.Item>
        </section>
      )}
    </Form.List>
  );
}
