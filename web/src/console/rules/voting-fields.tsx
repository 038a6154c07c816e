import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrderedListField } from './ordered-list-field';
import { RUNOFF_POLICIES, THRESHOLD_BASES, TIE_BREAKS } from './rules-form';
import { currentMembersQuery } from './rules-queries';

const E = 'console.rules.editor';
const V = ['content', 'voting'];

/**
 * The voting rules: quorums and the passing threshold (shares 0–1), what the threshold is counted over,
 * whether abstentions and invalid ballots count as cast, ballots per round, the run-off, the tie-break
 * order, the counting board's majority and how mixed electronic and paper polls are published.
 */
export function VotingFields({
  clusterId,
  tieBreak,
}: {
  clusterId: string;
  tieBreak: (string | undefined)[] | undefined;
}) {
  const { t } = useTranslation();
  const members = useQuery(currentMembersQuery(clusterId));
  const form = Form.useFormInstance();
  const weights = (Form.useWatch([...V, 'voterWeights'], { form, preserve: true }) ?? {}) as Record<string, unknown>;
  const memberCodes = new Set((members.data?.items ?? []).map(({ unit }) => unit.code));
  // Weights of units that are no longer members (an amendment copies them): the API refuses them, so
  // they are shown to be removed rather than sent back unseen.
  const formerCodes = members.data
    ? Object.keys(weights).filter((code) => !memberCodes.has(code) && weights[code] != null)
    : [];
  const words = (group: string, values: readonly string[]) =>
    values.map((value) => ({ value, label: t(`console.rules.words.${group}.${value}`) }));
  return (
    <section aria-labelledby="rules-edit-voting">
      <Typography.Title level={3} id="rules-edit-voting">
        {t(`${E}.voting`)}
      </Typography.Title>
      <Flex wrap gap="middle">
        {(['quorum', 'awardQuorum', 'passingThreshold'] as const).map((field) => (
          <Form.Item key={field} name={[...V, field]} label={t(`${E}.${field}`)}>
            <InputNumber min={0} max={1} step={0.05} />
          </Form.Item>
        ))}
        <Form.Item name={[...V, 'thresholdBase']} label={t(`${E}.thresholdBase`)}>
          <Select style={{ width: 260 }} options={words('thresholdBase', THRESHOLD_BASES)} />
        </Form.Item>
      </Flex>
      <Form.Item name={[...V, 'abstentionsCountAsCast']} valuePropName="checked" style={{ marginBottom: 4 }}>
        <Checkbox>{t(`${E}.abstentionsCountAsCast`)}</Checkbox>
      </Form.Item>
      <Form.Item name={[...V, 'invalidBallotsCountAsCast']} valuePropName="checked">
        <Checkbox>{t(`${E}.invalidBallotsCountAsCast`)}</Checkbox>
      </Form.Item>
      <Flex wrap gap="middle">
        <Form.Item name={[...V, 'maxBallotsPerRound']} label={t(`${E}.maxBallotsPerRound`)}>
          <InputNumber min={1} step={1} />
        </Form.Item>
        <Form.Item name={[...V, 'runoff']} label={t(`${E}.runoff`)}>
          <Select style={{ width: 320 }} options={words('runoff', RUNOFF_POLICIES)} />
        </Form.Item>
        <Form.Item name={[...V, 'countingBoardMajority']} label={t(`${E}.countingBoardMajority`)}>
          <InputNumber min={0.01} max={0.99} step={0.05} placeholder="0,5" />
        </Form.Item>
      </Flex>
      <OrderedListField
        name={[...V, 'tieBreak']}
        label={t(`${E}.tieBreak`)}
        options={words('tieBreak', TIE_BREAKS)}
        typed={tieBreak}
        addLabel={t(`${E}.tieBreakAdd`)}
        empty={t(`${E}.tieBreakEmpty`)}
        required={t('console.rules.errors.tieBreak')}
      />
      <Flex wrap gap="middle" align="end">
        <Form.Item name={[...V, 'mixedBallots']} valuePropName="checked">
          <Checkbox>{t(`${E}.mixedBallots`)}</Checkbox>
        </Form.Item>
        <Form.Item name={[...V, 'minElectronicVotersForBoard']} label={t(`${E}.minElectronicVotersForBoard`)}>
          <InputNumber min={1} max={1000} step={1} placeholder="3" />
        </Form.Item>
      </Flex>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontSize: 14, fontWeight: 600 }}>{t(`${E}.voterWeights`)}</legend>
        <Flex wrap gap="middle">
          {(members.data?.items ?? []).map(({ unit }) => (
            <Form.Item
              key={unit.code}
              name={[...V, 'voterWeights', unit.code]}
              label={t(`${E}.voterWeightOf`, { unit: unit.name })}
            >
              <InputNumber min={1} max={100} step={1} placeholder="1" />
            </Form.Item>
          ))}
        </Flex>
        {formerCodes.map((code) => (
          <Flex key={code} gap="small" align="start">
            <Form.Item name={[...V, 'voterWeights', code]} label={t(`${E}.voterWeightOfFormer`, { code })}>
              <InputNumber min={1} max={100} step={1} disabled />
            </Form.Item>
            <Button
              style={{ marginTop: 30 }}
              onClick={() => form.setFieldValue([...V, 'voterWeights', code], undefined)}
            >
              {t(`${E}.voterWeightRemove`, { code })}
            </Button>
          </Flex>
        ))}
      </fieldset>
    </section>
  );
}
