import { Button, Checkbox, Flex, Form, Input, InputNumber, Select, Typography, type FormListFieldData } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { AWARD_LEVELS, percentOf, shareOf } from './rules-form';

type Award = Partial<Schemas['AwardCategoryDto']>;
const E = 'console.rules.editor';

/**
 * The award categories: code, names in Vietnamese and English, level, quota as a count and/or a share
 * (typed in percent, stored as a share in (0, 1]) and the eligibility conditions.
 */
export function AwardFields({ typed }: { typed: (Award | undefined)[] | undefined }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="rules-edit-awards">
      <Typography.Title level={3} id="rules-edit-awards">
        {t('console.rules.content.awards')}
      </Typography.Title>
      <Form.List name={['content', 'awardCategories']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <AwardRow key={field.key} field={field} index={index} typed={typed} onRemove={() => remove(field.name)} />
            ))}
            <Button
              onClick={() => add({ code: '', nameVi: '', nameEn: '', eligibility: {} })}
              style={{ marginBottom: 16 }}
            >
              {t(`${E}.award.add`)}
            </Button>
          </>
        )}
      </Form.List>
    </section>
  );
}

function AwardRow({
  field,
  index,
  typed,
  onRemove,
}: {
  field: FormListFieldData;
  index: number;
  typed: (Award | undefined)[] | undefined;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const award = typed?.[index];
  const ref = award?.code?.trim() || t(`${E}.award.position`, { n: index + 1 });
  const others = (typed ?? [])
    .map((other) => other?.code?.trim())
    .filter((code): code is string => Boolean(code) && code !== award?.code?.trim());
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  const named = (key: string) => ({ name: [field.name, key], label: t(`${E}.award.${key}`, { ref }) });
  return (
    <div
      role="group"
      aria-label={t(`${E}.award.group`, { ref })}
      style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: 12, marginBottom: 12 }}
    >
      <Flex wrap gap="small" align="end">
        <Form.Item
          name={[field.name, 'code']}
          label={t(`${E}.award.code`, { n: index + 1 })}
          rules={required(t('console.rules.errors.awardCode'))}
        >
          <Input maxLength={50} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          {...named('nameVi')}
          rules={required(t('console.rules.errors.name'))}
          style={{ flex: 1, minWidth: 240 }}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          {...named('nameEn')}
          rules={required(t('console.rules.errors.name'))}
          style={{ flex: 1, minWidth: 240 }}
        >
          <Input maxLength={500} />
        </Form.Item>
      </Flex>
      <Flex wrap gap="small" align="end">
        <Form.Item {...named('level')} rules={[{ required: true, message: t('console.rules.errors.choice') }]}>
          <Select
            style={{ width: 300 }}
            placeholder={t(`${E}.choose`)}
            options={AWARD_LEVELS.map((level) => ({ value: level, label: t(`console.rules.words.level.${level}`) }))}
          />
        </Form.Item>
        <Form.Item
          {...named('quotaCount')}
          rules={[
            {
              validator: (_, value: number | null | undefined) =>
                value === null || value === undefined || (Number.isInteger(value) && value >= 1)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('console.rules.errors.quotaCount'))),
            },
          ]}
        >
          <InputNumber step={1} />
        </Form.Item>
        <Form.Item
          {...named('quotaShare')}
          getValueProps={(share: number | null | undefined) => ({ value: percentOf(share) })}
          normalize={(percent: number | null | undefined) => shareOf(percent)}
          rules={[
            {
              validator: (_, share: number | null | undefined) =>
                share === null || share === undefined || (share > 0 && share <= 1)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('console.rules.errors.quotaShare'))),
            },
          ]}
        >
          <InputNumber step={5} suffix="%" />
        </Form.Item>
      </Flex>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontSize: 14, fontWeight: 600 }}>{t(`${E}.award.eligibility`, { ref })}</legend>
        <Flex wrap gap="middle" align="end">
          <Form.Item name={[field.name, 'eligibility', 'requiresSealedPledge']} valuePropName="checked">
            <Checkbox>{t(`${E}.award.requiresSealedPledge`)}</Checkbox>
          </Form.Item>
          <Form.Item
            name={[field.name, 'eligibility', 'minFinalScore']}
            label={t(`${E}.award.minFinalScore`, { ref })}
            rules={[
              {
                validator: (_, value: number | null | undefined) =>
                  value === null || value === undefined || value >= 0
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('console.rules.errors.minFinalScore'))),
              },
            ]}
          >
            <InputNumber step={1} />
          </Form.Item>
          <Form.Item
            name={[field.name, 'eligibility', 'requiresCategory']}
            label={t(`${E}.award.requiresCategory`, { ref })}
          >
            <Select
              allowClear
              style={{ width: 260 }}
              placeholder={t(`${E}.award.noCategory`)}
              options={others.map((code) => ({ value: code, label: code }))}
            />
          </Form.Item>
          <Form.Item name={[field.name, 'eligibility', 'requiresAdoptedRanking']} valuePropName="checked">
            <Checkbox>{t(`${E}.award.requiresAdoptedRanking`)}</Checkbox>
          </Form.Item>
        </Flex>
      </fieldset>
      <Button danger aria-label={t(`${E}.removeItem`, { item: ref })} onClick={onRemove}>
        {t(`${E}.remove`)}
      </Button>
    </div>
  );
}
