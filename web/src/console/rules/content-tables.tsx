import { useQuery } from '@tanstack/react-query';
import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { formatShare } from '../../format/format';
import { currentMembersQuery } from './rules-queries';

type Content = Schemas['RulesContentDto'];
type Item = Schemas['BonusPenaltyItemDto'];
type Award = Schemas['AwardCategoryDto'];
type Criterion = Schemas['CriterionDto'];

interface CriterionRow {
  key: string;
  code: string;
  name: string;
  maxPoints?: number;
  children?: CriterionRow[];
}
const criterionRows = (criteria: Criterion[]): CriterionRow[] =>
  criteria.map((c) => ({
    key: c.code,
    code: c.code,
    name: c.name,
    maxPoints: c.maxPoints,
    children: c.children?.length ? criterionRows(c.children) : undefined,
  }));

/** The criteria tree as read (a version that can no longer change). */
export function CriteriaView({ content }: { content: Content }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="rules-criteria">
      <Typography.Title level={2} id="rules-criteria">
        {t('console.rules.editor.criteria')}
      </Typography.Title>
      <Table<CriterionRow>
        size="small"
        pagination={false}
        dataSource={criterionRows(content.scoring.criteria)}
        expandable={{ defaultExpandAllRows: true }}
        columns={[
          { key: 'code', dataIndex: 'code', title: t('console.rules.editor.code') },
          { key: 'name', dataIndex: 'name', title: t('console.rules.editor.name') },
          { key: 'maxPoints', dataIndex: 'maxPoints', title: t('console.rules.editor.leafMax') },
        ]}
      />
    </section>
  );
}

/** Bonus and penalty items, award categories with quotas and eligibility, voting and rotation rules: read as proposed or adopted. */
export function ContentTables({ content, clusterId }: { content: Content; clusterId: string }) {
  const { t, i18n } = useTranslation();
  const itemColumns = [
    { key: 'code', dataIndex: 'code', title: t('console.rules.editor.code') },
    { key: 'name', dataIndex: 'name', title: t('console.rules.content.itemName') },
    { key: 'points', dataIndex: 'points', title: t('console.rules.content.points') },
    { key: 'cap', dataIndex: 'cap', title: t('console.rules.content.cap') },
  ];
  const quota = (award: Award) =>
    [
      award.quotaCount ? t('console.rules.content.quotaCount', { count: award.quotaCount }) : '',
      award.quotaShare ? t('console.rules.content.quotaShare', { share: formatShare(award.quotaShare) }) : '',
    ]
      .filter(Boolean)
      .join('; ');
  const eligibility = ({ eligibility: e }: Award) =>
    [
      e.requiresSealedPledge ? t('console.rules.content.requiresSealedPledge') : '',
      e.minFinalScore != null ? t('console.rules.content.minFinalScore', { score: e.minFinalScore }) : '',
      e.requiresCategory ? t('console.rules.content.requiresCategory', { code: e.requiresCategory }) : '',
      e.requiresAdoptedRanking ? t('console.rules.content.requiresAdoptedRanking') : '',
    ]
      .filter(Boolean)
      .join('; ');
  return (
    <>
      {(['bonus', 'penalty'] as const).map((list) => (
        <section key={list} aria-labelledby={`rules-${list}`}>
          <Typography.Title level={3} id={`rules-${list}`}>
            {t(`console.rules.content.${list}`)}
          </Typography.Title>
          <Table<Item>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={content.scoring[list] ?? []}
            columns={itemColumns}
          />
        </section>
      ))}
      <section aria-labelledby="rules-awards">
        <Typography.Title level={3} id="rules-awards">
          {t('console.rules.content.awards')}
        </Typography.Title>
        <Table<Award>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={content.awardCategories}
          columns={[
            { key: 'code', dataIndex: 'code', title: t('console.rules.editor.code') },
            {
              key: 'name',
              title: t('console.rules.content.awardName'),
              render: (_, award) => (i18n.language === 'en' ? award.nameEn : award.nameVi),
            },
            {
              key: 'level',
              title: t('console.rules.content.level'),
              render: (_, award) => t(`console.rules.words.level.${award.level}`),
            },
            { key: 'quota', title: t('console.rules.content.quota'), render: (_, award) => quota(award) },
            { key: 'eligibility', title: t('console.rules.content.eligibility'), render: (_, a) => eligibility(a) },
          ]}
        />
      </section>
      <RulesView content={content} clusterId={clusterId} />
    </>
  );
}

/** The voting rules, the rotation (the fixed order by the units' names), the pledge's countersigner, k of n. */
function RulesView({ content, clusterId }: { content: Content; clusterId: string }) {
  const { t } = useTranslation();
  const members = useQuery(currentMembersQuery(clusterId));
  const unitName = (code: string) => members.data?.items.find(({ unit }) => unit.code === code)?.unit.name ?? code;
  const { voting, leaderRotation } = content;
  const yesNo = (value: boolean | undefined) => t(`console.rules.content.${value ? 'yes' : 'no'}`);
  const orDefault = (value: string | number | undefined, fallback: string) =>
    value === undefined || value === null
      ? t('console.rules.content.defaultValue', { value: fallback })
      : String(value);
  const row = (key: string, children: string) => ({ key, label: t(`console.rules.editor.${key}`), children });
  return (
    <>
      <section aria-labelledby="rules-voting">
        <Typography.Title level={3} id="rules-voting">
          {t('console.rules.content.votingHeading')}
        </Typography.Title>
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            row('quorum', formatShare(voting.quorum)),
            row('awardQuorum', formatShare(voting.awardQuorum)),
            row('passingThreshold', formatShare(voting.passingThreshold)),
            row('thresholdBase', t(`console.rules.words.thresholdBase.${voting.thresholdBase}`)),
            row('abstentionsCountAsCast', yesNo(voting.abstentionsCountAsCast)),
            row('invalidBallotsCountAsCast', yesNo(voting.invalidBallotsCountAsCast)),
            row('maxBallotsPerRound', String(voting.maxBallotsPerRound)),
            row('runoff', t(`console.rules.words.runoff.${voting.runoff}`)),
            row(
              'tieBreak',
              voting.tieBreak
                .map((rule, index) => `${index + 1}. ${t(`console.rules.words.tieBreak.${rule}`)}`)
                .join('; '),
            ),
            row(
              'countingBoardMajority',
              voting.countingBoardMajority === undefined
                ? t('console.rules.content.defaultValue', { value: formatShare(0.5) })
                : formatShare(voting.countingBoardMajority),
            ),
            row('mixedBallots', yesNo(voting.mixedBallots ?? true)),
            row('minElectronicVotersForBoard', orDefault(voting.minElectronicVotersForBoard, '3')),
            row(
              'voterWeights',
              Object.keys(voting.voterWeights ?? {}).length
                ? Object.entries(voting.voterWeights!)
                    .map(([code, count]) => t('console.rules.content.voterWeight', { unit: unitName(code), count }))
                    .join('; ')
                : t('console.rules.content.oneBallotEach'),
            ),
          ]}
        />
      </section>
      <section aria-labelledby="rules-rotation">
        <Typography.Title level={3} id="rules-rotation">
          {t('console.rules.content.rotationHeading')}
        </Typography.Title>
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            row('outgoingLeaderEligible', yesNo(leaderRotation.outgoingLeaderEligible)),
            row(
              'fixedOrder',
              leaderRotation.fixedOrder?.length
                ? leaderRotation.fixedOrder.map((code, index) => `${index + 1}. ${unitName(code)}`).join('; ')
                : t('console.rules.content.noFixedOrder'),
            ),
            row(
              'countersignedBy',
              t(`console.rules.words.countersigner.${content.pledge?.countersignedBy ?? 'cluster_leader_head'}`),
            ),
            row(
              'adoptionApprovals',
              content.adoptionApprovals == null
                ? t('console.rules.content.twoThirds')
                : String(content.adoptionApprovals),
            ),
          ]}
        />
      </section>
    </>
  );
}
