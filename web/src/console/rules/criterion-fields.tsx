import {
  Alert,
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Typography,
  type FormListFieldData,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_DEPTH, isGroup, sumMismatch, typedMax, type TypedCriterion } from './rules-form';

const E = 'console.rules.editor';

/**
 * One level of the criteria tree (antd Form.List; a group's sub-criteria are the same component one
 * level down): each criterion's code, name and maximum, a group's sum as typed, adding a leaf or a group
 * and removing a criterion with its sub-criteria after a confirmation.
 */
export function CriterionList({
  name,
  typed,
  depth,
  position,
  parentRef,
}: {
  /** The list's name: absolute at the top, relative to the group's row below it. */
  name: (string | number)[];
  typed: (TypedCriterion | undefined)[] | undefined;
  /** 1 for the top level. */
  depth: number;
  /** The group's position ('2', '2.1'); '' at the top. */
  position: string;
  parentRef?: string;
}) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <CriterionRow
              key={field.key}
              field={field}
              node={typed?.[index]}
              depth={depth}
              position={position ? `${position}.${index + 1}` : String(index + 1)}
              onRemove={() => remove(field.name)}
            />
          ))}
          <Form.ErrorList errors={errors} />
          <Space wrap style={{ marginBottom: 16 }}>
            <Button onClick={() => add({ code: '', name: '' })}>
              {parentRef ? t(`${E}.addLeafTo`, { ref: parentRef }) : t(`${E}.addLeaf`)}
            </Button>
            {depth < MAX_DEPTH && (
              <Button onClick={() => add({ code: '', name: '', children: [] })}>
                {parentRef ? t(`${E}.addGroupTo`, { ref: parentRef }) : t(`${E}.addGroup`)}
              </Button>
            )}
          </Space>
        </>
      )}
    </Form.List>
  );
}

function CriterionRow({
  field,
  node,
  depth,
  position,
  onRemove,
}: {
  field: FormListFieldData;
  node: TypedCriterion | undefined;
  depth: number;
  position: string;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const ref = node?.code?.trim() || position;
  const group = isGroup(node);
  const positive = {
    validator: (_: unknown, value: number | null | undefined) =>
      value === null || value === undefined || value > 0
        ? Promise.resolve()
        : Promise.reject(new Error(t('console.rules.errors.leafMax'))),
  };
  return (
    <div
      role="group"
      aria-label={t(`${E}.criterionGroup`, { ref })}
      style={{
        marginLeft: depth > 1 ? 24 : 0,
        borderLeft: group ? '3px solid #d9d9d9' : undefined,
        paddingLeft: group ? 12 : 0,
      }}
    >
      <Flex wrap gap="small" align="end">
        <Form.Item
          name={[field.name, 'code']}
          label={t(`${E}.codeOf`, { position })}
          rules={[{ required: true, whitespace: true, message: t('console.rules.errors.criterionCode') }]}
        >
          <Input maxLength={50} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item
          name={[field.name, 'name']}
          label={t(`${E}.nameOf`, { code: ref })}
          rules={[{ required: true, whitespace: true, message: t('console.rules.errors.name') }]}
          style={{ flex: 1, minWidth: 280 }}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          name={[field.name, 'maxPoints']}
          label={group ? t(`${E}.groupMax`, { code: ref }) : t(`${E}.leafMaxOf`, { code: ref })}
          rules={group ? [positive] : [{ required: true, message: t('console.rules.errors.leafMax') }, positive]}
        >
          <InputNumber min={0} step={1} />
        </Form.Item>
        <Form.Item>
          <Popconfirm
            title={group ? t(`${E}.removeGroupConfirm`, { ref }) : t(`${E}.removeConfirm`, { ref })}
            okText={t(`${E}.removeOk`)}
            cancelText={t(`${E}.cancel`)}
            onConfirm={onRemove}
          >
            <Button danger aria-label={t(`${E}.removeCriterion`, { ref })}>
              {t(`${E}.remove`)}
            </Button>
          </Popconfirm>
        </Form.Item>
      </Flex>
      {group && (
        <>
          {sumMismatch(node) ? (
            <Alert
              type="warning"
              showIcon
              title={t(`${E}.sumMismatch`, { sum: typedMax(node), max: node?.maxPoints })}
              style={{ marginBottom: 12 }}
            />
          ) : (
            <Typography.Paragraph>{t(`${E}.sum`, { sum: typedMax(node) })}</Typography.Paragraph>
          )}
          <CriterionList
            name={[field.name, 'children']}
            typed={node?.children}
            depth={depth + 1}
            position={position}
            parentRef={ref}
          />
        </>
      )}
    </div>
  );
}
