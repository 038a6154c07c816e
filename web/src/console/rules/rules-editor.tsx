import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Popconfirm, Space, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, api, unwrap, type Schemas } from '../../api/client';
import { namePath } from '../../ui/field-errors';
import { ProblemAlert } from '../../ui/problem-alert';
import { useFormDraft } from '../../ui/use-form-draft';
import { AwardFields } from './award-fields';
import { CriterionList } from './criterion-fields';
import { ItemFields } from './item-fields';
import { RotationFields } from './rotation-fields';
import { contentToSave, fieldErrorTarget, typedTotal, type TypedCriterion } from './rules-form';
import { VotingFields } from './voting-fields';

type Version = Schemas['RulesVersionResponseDto'];
type Content = Schemas['RulesContentDto'];
interface EditorValues {
  content: Content;
}

/** What the form starts from: the version's content, with the defaults it leaves unsaid made visible. */
function initialContent(content: Content): Content {
  return { ...content, pledge: content.pledge ?? { countersignedBy: 'cluster_leader_head' } };
}

/**
 * A draft's editor: the whole content — the criteria tree (groups, leaves, their sums as typed), bonus and
 * penalty items, award categories, voting and rotation rules, the pledge's countersigner. Kept on the
 * device until saved; saved whole with the version it was read at (a concurrent change is refused, not
 * overwritten); the API's refusals shown at their fields, in the clerk's words.
 */
export function RulesEditor({ version }: { version: Version }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditorValues>();
  const draft = useFormDraft(form, `rules:${version.id}:${version.version}`);
  // The whole store, not only the mounted fields: a group added a moment ago has no sub-criteria's list yet.
  const typed = Form.useWatch('content', { form, preserve: true }) as Partial<Content> | undefined;
  const criteria = typed?.scoring?.criteria as (TypedCriterion | undefined)[] | undefined;
  // Refusals with no field of their own in the form, said under the alert.
  const [unplaced, setUnplaced] = useState<string[]>([]);

  const save = useMutation({
    mutationFn: (content: Content) =>
      unwrap(
        api.PATCH('/api/v1/rules-versions/{id}', {
          params: { path: { id: version.id } },
          body: { content, expectedVersion: version.version },
        }),
      ),
    onSuccess: (saved) => {
      draft.clear();
      setUnplaced([]);
      void message.success(t('console.rules.editor.saved'));
      queryClient.setQueryData(['rules-versions', version.id], saved);
    },
    onError: (error, content) => {
      if (!(error instanceof ApiProblem) || !Array.isArray(error.problem.errors)) return;
      const known = new Set(form.getFieldsError().map((field) => JSON.stringify(field.name)));
      const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
      const elsewhere: string[] = [];
      for (const { field } of error.problem.errors) {
        const { name, key } = fieldErrorTarget(namePath(field), content);
        const sentence = t(`console.rules.errors.${key}`);
        const id = JSON.stringify(name);
        if (!known.has(id)) elsewhere.push(`${field}: ${sentence}`);
        else if (!byField.get(id)?.errors.includes(sentence))
          byField.set(id, { name, errors: [...(byField.get(id)?.errors ?? []), sentence] });
      }
      // Field paths come from the API, so they are not the form's static name types.
      (form as FormInstance).setFields([...byField.values()]);
      setUnplaced(elsewhere);
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
        initialValues={{ content: initialContent(version.content) }}
        onValuesChange={draft.onValuesChange}
        onFinish={() => {
          setUnplaced([]);
          save.mutate(contentToSave((form.getFieldsValue(true) as EditorValues).content));
        }}
        scrollToFirstError
      >
        <section aria-labelledby="rules-edit-criteria">
          <Typography.Title level={3} id="rules-edit-criteria">
            {t('console.rules.editor.criteria')}
          </Typography.Title>
          <Typography.Paragraph strong role="status">
            {t('console.rules.editor.total', { total: typedTotal(criteria) })}
          </Typography.Paragraph>
          <CriterionList name={['content', 'scoring', 'criteria']} typed={criteria} depth={1} position="" />
          <ItemFields list="bonus" typed={typed?.scoring?.bonus} />
          <ItemFields list="penalty" typed={typed?.scoring?.penalty} />
        </section>
        <AwardFields typed={typed?.awardCategories} />
        <VotingFields clusterId={version.clusterId} tieBreak={typed?.voting?.tieBreak} />
        <RotationFields clusterId={version.clusterId} fixedOrder={typed?.leaderRotation?.fixedOrder} />

        {save.isError && <ProblemAlert error={save.error} title={t('console.rules.editor.notSaved')} />}
        {unplaced.length > 0 && (
          <ul aria-label={t('console.rules.editor.unplaced')}>
            {unplaced.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
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
