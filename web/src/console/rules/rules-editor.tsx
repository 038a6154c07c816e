import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Form,
  InputNumber,
  Popconfirm,
  Space,
  Typography,
  type FormInstance,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiProblem, api, unwrap, type Schemas } from '../../api/client';
import { namePath } from '../../ui/field-errors';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';
import { CriterionFields, typedMax, withTypedCriteria, type TypedCriterion } from './criterion-fields';

type Version = Schemas['RulesVersionResponseDto'];
type Content = Schemas['RulesContentDto'];
interface EditorValues {
  content: Content;
}

const CRITERIA = ['content', 'scoring', 'criteria'];

/** Whether a name path of the form ends at the `maxPoints` of a group (a criterion with children). */
function isGroupMax(content: Content, name: (string | number)[]): boolean {
  let node: unknown = { content };
  for (const part of name.slice(0, -1)) node = (node as Record<string | number, unknown> | undefined)?.[part];
  return name.at(-1) === 'maxPoints' && Array.isArray((node as { children?: unknown[] } | undefined)?.children);
}

/**
 * A draft's editor: the criteria's names and maxima with their sums as typed, the voting numbers and
 * the rotation rule. Kept on the device until saved; saved with the version it was read at (a
 * concurrent change is refused, not overwritten); the API's refusals shown at their fields.
 */
export function RulesEditor({ version }: { version: Version }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditorValues>();
  const draft = useFormDraft(form, `rules:${version.id}:${version.version}`);
  const typed = Form.useWatch(CRITERIA, form) as TypedCriterion[] | undefined;
  const shape = version.content.scoring.criteria;
  const total = shape.reduce((sum, criterion, index) => sum + typedMax(typed?.[index], criterion), 0);

  const save = useMutation({
    mutationFn: () => {
      // The fields typed, over the version's content: the form's store may hold a restored draft that
      // carries only the typed fields (antd replaces arrays when it restores one).
      const typedValues = form.getFieldsValue() as {
        content?: {
          scoring?: { criteria?: TypedCriterion[] };
          voting?: Partial<Content['voting']>;
          leaderRotation?: Partial<Content['leaderRotation']>;
        };
      };
      const base = version.content;
      const content: Content = {
        ...base,
        scoring: { ...base.scoring, criteria: withTypedCriteria(shape, typedValues.content?.scoring?.criteria) },
        voting: { ...base.voting, ...typedValues.content?.voting },
        leaderRotation: { ...base.leaderRotation, ...typedValues.content?.leaderRotation },
      };
      return unwrap(
        api.PATCH('/api/v1/rules-versions/{id}', {
          params: { path: { id: version.id } },
          body: { content, expectedVersion: version.version },
        }),
      );
    },
    onSuccess: (saved) => {
      draft.clear();
      void message.success(t('console.rules.editor.saved'));
      queryClient.setQueryData(['rules-versions', version.id], saved);
    },
    onError: (error) => {
      if (!(error instanceof ApiProblem) || !Array.isArray(error.problem.errors)) return;
      const content = version.content;
      // Field paths come from the API, so they are not the form's static name types.
      (form as FormInstance).setFields(
        error.problem.errors.map(({ field }) => {
          const name = namePath(field);
          const key = isGroupMax(content, name)
            ? 'groupMaxInvalid'
            : name.at(-1) === 'maxPoints'
              ? 'leafMaxInvalid'
              : 'fieldError';
          return { name, errors: [t(`console.rules.editor.${key}`)] };
        }),
      );
    },
  });

  return (
    <section aria-labelledby="rules-editor">
      <Typography.Title level={2} id="rules-editor">
        {t('console.rules.editor.heading')}
      </Typography.Title>
      {draft.hasDraft && <Alert type="info" role="note" showIcon title={t('console.rules.editor.draftKept')} />}
      <Form<EditorValues>
        form={form}
        layout="vertical"
        initialValues={{ content: version.content }}
        onValuesChange={draft.onValuesChange}
        onFinish={() => save.mutate()}
      >
        <Typography.Title level={3}>{t('console.rules.editor.criteria')}</Typography.Title>
        <Typography.Paragraph strong role="status">
          {t('console.rules.editor.total', { total })}
        </Typography.Paragraph>
        <CriterionFields shape={shape} typed={typed} path={CRITERIA} />

        <Typography.Title level={3}>{t('console.rules.editor.voting')}</Typography.Title>
        <Flex wrap gap="middle">
          {(['quorum', 'awardQuorum', 'passingThreshold'] as const).map((field) => (
            <Form.Item key={field} name={['content', 'voting', field]} label={t(`console.rules.editor.${field}`)}>
              <InputNumber min={0} max={1} step={0.05} />
            </Form.Item>
          ))}
          <Form.Item
            name={['content', 'voting', 'maxBallotsPerRound']}
            label={t('console.rules.editor.maxBallotsPerRound')}
          >
            <InputNumber min={1} step={1} />
          </Form.Item>
        </Flex>

        <Typography.Title level={3}>{t('console.rules.editor.rotation')}</Typography.Title>
        <Form.Item name={['content', 'leaderRotation', 'outgoingLeaderEligible']} valuePropName="checked">
          <Checkbox>{t('console.rules.editor.outgoingLeaderEligible')}</Checkbox>
        </Form.Item>

        {save.isError && <ProblemAlert error={save.error} title={t('console.rules.editor.notSaved')} />}
        <Space wrap style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('console.rules.editor.save')}
          </Button>
          <ProposeButton version={version} />
        </Space>
      </Form>
    </section>
  );
}

/** Proposing the draft to the members' heads: the secretariat's act on the adoption request. */
function ProposeButton({ version }: { version: Version }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const propose = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/approvals/{id}/acts', {
          params: { path: { id: version.approval!.requestId }, header: { 'Idempotency-Key': crypto.randomUUID() } },
          body: { transition: 'propose', expectedVersion: version.approval!.version },
        }),
      ),
    onSuccess: () => {
      void message.success(t('console.rules.editor.proposed'));
      void queryClient.invalidateQueries({ queryKey: ['rules-versions', version.id] });
      void queryClient.invalidateQueries({ queryKey: ['approvals', version.approval!.requestId] });
    },
  });
  if (!version.approval) return null;
  return (
    <>
      <Popconfirm title={t('console.rules.editor.proposeConfirm')} onConfirm={() => propose.mutate()}>
        <Button loading={propose.isPending}>{t('console.rules.editor.propose')}</Button>
      </Popconfirm>
      <ProblemAlert error={propose.error} />
    </>
  );
}
