import { Alert, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';

type Criterion = Schemas['CriterionDto'];
/** What the form holds of a criterion while a person types (codes and structure come from the version). */
export interface TypedCriterion {
  name?: string;
  maxPoints?: number | null;
  children?: TypedCriterion[];
}

/**
 * The version's criteria with what was typed over them: names and maxima by position (the structure and
 * the codes are the version's). An emptied maximum is left out, as the API takes it (a group's is then
 * added up; a leaf's is refused at its field).
 */
export function withTypedCriteria(shape: Criterion[], typed: TypedCriterion[] | undefined): Criterion[] {
  return shape.map((criterion, index) => {
    const node = typed?.[index];
    const maxPoints = node && 'maxPoints' in node ? (node.maxPoints ?? undefined) : criterion.maxPoints;
    return {
      ...criterion,
      name: node?.name ?? criterion.name,
      maxPoints,
      ...(criterion.children?.length ? { children: withTypedCriteria(criterion.children, node?.children) } : {}),
    };
  });
}

/** The sum of the leaves' maxima under a node, as typed. */
export function typedMax(node: TypedCriterion | undefined, shape: Criterion): number {
  if (!shape.children?.length) return Number(node?.maxPoints ?? 0) || 0;
  return shape.children.reduce((sum, child, index) => sum + typedMax(node?.children?.[index], child), 0);
}

/**
 * The criteria of one level of the tree: each leaf's name and maximum; each group's name, its stated
 * maximum and, as the person types, what its children add up to (a mismatch is said at once; the API
 * refuses it at the same field on saving).
 */
export function CriterionFields({
  shape,
  typed,
  path,
}: {
  shape: Criterion[];
  typed: TypedCriterion[] | undefined;
  path: (string | number)[];
}) {
  const { t } = useTranslation();
  return (
    <>
      {shape.map((criterion, index) => {
        const at = [...path, index];
        const node = typed?.[index];
        const isGroup = Boolean(criterion.children?.length);
        const sum = typedMax(node, criterion);
        const stated = node?.maxPoints;
        return (
          <div
            key={criterion.code}
            role="group"
            aria-label={criterion.code}
            style={{
              marginLeft: path.length > 3 ? 24 : 0,
              borderLeft: isGroup ? '3px solid #d9d9d9' : undefined,
              paddingLeft: isGroup ? 12 : 0,
            }}
          >
            <Typography.Text strong>{criterion.code}</Typography.Text>
            <Form.Item name={[...at, 'name']} label={t('console.rules.editor.nameOf', { code: criterion.code })}>
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item
              name={[...at, 'maxPoints']}
              label={
                isGroup
                  ? t('console.rules.editor.groupMax', { code: criterion.code })
                  : t('console.rules.editor.leafMaxOf', { code: criterion.code })
              }
            >
              <InputNumber min={0} step={1} />
            </Form.Item>
            {isGroup && (
              <>
                {stated !== undefined && stated !== null && Number(stated) !== sum ? (
                  <Alert
                    type="warning"
                    showIcon
                    title={t('console.rules.editor.sumMismatch', { sum, max: stated })}
                    style={{ marginBottom: 12 }}
                  />
                ) : (
                  <Typography.Paragraph>{t('console.rules.editor.sum', { sum })}</Typography.Paragraph>
                )}
                <CriterionFields shape={criterion.children!} typed={node?.children} path={[...at, 'children']} />
              </>
            )}
          </div>
        );
      })}
    </>
  );
}
