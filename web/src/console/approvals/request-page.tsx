import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';
import { idempotencyKey } from '../year/cycle-data';
import { transitionName, workflowName } from './approval-labels';
import { RequestHistory } from './request-history';
import { RequestSubject } from './request-subject';

/** One request: its subject, its history, and the steps the clerk may take now, each with a comment. */
export function RequestPage() {
  const { requestId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ comment?: string }>();
  const draft = useFormDraft(form, `approval-act:${requestId}`);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();
  const request = useQuery({
    queryKey: ['approvals', requestId],
    queryFn: () => unwrap(api.GET('/api/v1/approvals/{id}', { params: { path: { id: requestId } } })),
  });
  const workflows = useQuery({
    queryKey: ['approvals', 'workflows'],
    queryFn: () => unwrap(api.GET('/api/v1/approvals/workflows', { params: { query: { pageSize: 100 } } })),
    staleTime: Infinity,
  });

  if (request.isPending) return <Spin description={t('app.loading')} />;
  if (!request.data) return <ProblemAlert error={request.error} />;
  const data = request.data;
  const definition = workflows.data?.items.find((workflow) => workflow.key === data.workflowKey);
  const needsComment = (name: string) =>
    Boolean(definition?.transitions.find((step) => step.name === name && step.from === data.state)?.commentRequired);

  const act = async (transition: string) => {
    const comment = form.getFieldValue('comment')?.trim() as string | undefined;
    if (needsComment(transition) && !comment) {
      form.setFields([{ name: 'comment', errors: [t('console.approvals.act.commentRequired')] }]);
      return;
    }
    setBusy(transition);
    setError(undefined);
    try {
      await unwrap(
        api.POST('/api/v1/approvals/{id}/acts', {
          params: { path: { id: data.id }, header: { 'Idempotency-Key': idempotencyKey() } },
          body: { transition, comment: comment || undefined, expectedVersion: data.version },
        }),
      );
      draft.clear();
      form.resetFields();
      void message.success(t('console.approvals.act.done', { transition: transitionName(t, exists, transition) }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(undefined);
      await queryClient.invalidateQueries({ queryKey: ['approvals'] });
    }
  };

  return (
    <div className="approval-request">
      <Link to="/console/approvals">{t('console.approvals.back')}</Link>
      <Typography.Title level={1}>{workflowName(t, exists, data.workflowKey)}</Typography.Title>
      <RequestSubject request={data} />
      <RequestHistory acts={data.acts} />
      <section aria-labelledby="approval-act">
        <Typography.Title level={2} id="approval-act">
          {t('console.approvals.act.heading')}
        </Typography.Title>
        {data.availableTransitions.length === 0 ? (
          <Typography.Paragraph>{t('console.approvals.act.none')}</Typography.Paragraph>
        ) : (
          <Form form={form} name="approval-act" layout="vertical" onValuesChange={draft.onValuesChange}>
            <Form.Item name="comment" label={t('console.approvals.act.comment')}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
            <Space wrap>
              {data.availableTransitions.map((transition) => (
                <Button key={transition} loading={busy === transition} onClick={() => void act(transition)}>
                  {transitionName(t, exists, transition)}
                </Button>
              ))}
            </Space>
          </Form>
        )}
        <ProblemAlert error={error} />
      </section>
    </div>
  );
}
