import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../api/client';
import { formatShare } from '../../format/format';

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

/** Bonus and penalty items, award categories with quotas and eligibility: read here, as adopted or drafted. */
export function ContentTables({ content }: { content: Content }) {
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
            { key: 'quota', title: t('console.rules.content.quota'), render: (_, award) => quota(award) },
            { key: 'eligibility', title: t('console.rules.content.eligibility'), render: (_, a) => eligibility(a) },
          ]}
        />
      </section>
    </>
  );
}
