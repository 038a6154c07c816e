import { useQuery } from '@tanstack/react-query';
import { Button, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { allVersionsQuery } from './rules-queries';

/** Choosing two versions to see side by side. */
export function CompareForm({ clusterId }: { clusterId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const versions = useQuery(allVersionsQuery(clusterId));
  const options = (versions.data?.items ?? []).map((v) => ({ value: v.id, label: `${v.number}. ${v.title}` }));
  if (options.length < 2) return null;
  return (
    <section aria-labelledby="rules-compare">
      <Typography.Title level={2} id="rules-compare">
        {t('console.rules.compare.heading')}
      </Typography.Title>
      <Form
        layout="inline"
        initialValues={{ left: options[1]?.value, right: options[0]?.value }}
        onFinish={({ left, right }: { left: string; right: string }) =>
          void navigate(`compare?left=${left}&right=${right}`)
        }
      >
        <Form.Item name="left" label={t('console.rules.compare.left')}>
          <Select options={options} style={{ width: 280 }} />
        </Form.Item>
        <Form.Item name="right" label={t('console.rules.compare.right')}>
          <Select options={options} style={{ width: 280 }} />
        </Form.Item>
        <Button htmlType="submit">{t('console.rules.compare.submit')}</Button>
      </Form>
    </section>
  );
}
