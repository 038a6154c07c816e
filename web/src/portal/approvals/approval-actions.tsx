import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';

type Request = Schemas['ApprovalRequestResponseDto'];

/** Steps that send a document back: they need a comment saying what to change. */
const NEEDS_COMMENT = new Set(['return', 'reject']);

/** The caller's available steps on the request, with a comment (required to return or reject). */
export function ApprovalActions({ request, onActed }: { request: Request; onActed: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<{ comment?: string }>();
  const draft = useFormDraft(form, `approval:${request.id}:${request.round}`);
  const act = useMutation({
    mutationFn: (transition: string) =>
      unwrap(
        api.POST('/api/v1/approvals/{id}/acts', {
          params: { path: { id: request.id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
          body: {
            transition,
            comment: form.getFieldValue('comment')?.trim() || undefined,
            expectedVersion: request.version,
          },
        }),
      ),
    onSuccess: () => {
      draft.clear();
      form.resetFields();
      void client.invalidateQueries({ queryKey: ['approvals', 'pending'] });
      onActed();
    },
  });
  const decide = async (transition: string) => {
    if (NEEDS_COMMENT.has(transition)) {
      form.setFields([{ name: 'comment', errors: [] }]);
      const comment = (form.getFieldValue('comment') as string | undefined)?.trim();
      if (!comment) {
        form.setFields([{ name: 'comment', errors: [t('portal.approvals.request.commentRequired')] }]);
        return;
      }
    }
    act.mutate(transition);
  };

  return (
    <section aria-labelledby="approval-decide-title">
      <Typography.Title level={2} id="approval-decide-title">
        {t('portal.approvals.request.decide')}
      </Typography.Title>
      {act.isSuccess && (
        <Alert
          role="status"
          type="success"
          showIcon
          title={t('portal.approvals.request.done', {
            transition: t(`portal.approvals.transitions.${act.variables}`),
          })}
        />
      )}
      <ProblemAlert error={act.error} title={t('portal.approvals.request.refused')} />
      {request.availableTransitions.length === 0 ? (
        <Typography.Paragraph>{t('portal.approvals.request.nothing')}</Typography.Paragraph>
      ) : (
        <Form form={form} layout="vertical" onValuesChange={draft.onValuesChange} style={{ maxWidth: 640 }}>
          <Form.Item
            name="comment"
            label={t('portal.approvals.request.comment')}
            extra={t('portal.approvals.request.commentHelp')}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Space wrap>
            {request.availableTransitions.map((transition) => (
              <Button
                key={transition}
                type={NEEDS_COMMENT.has(transition) ? 'default' : 'primary'}
                danger={NEEDS_COMMENT.has(transition)}
                loading={act.isPending && act.variables === transition}
                onClick={() => void decide(transition)}
              >
                {t(`portal.approvals.transitions.${transition}`)}
              </Button>
            ))}
          </Space>
        </Form>
      )}
    </section>
  );
}
