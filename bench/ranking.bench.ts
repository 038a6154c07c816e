import type { DataSource } from 'typeorm';
import type { Actor } from '../src/common/access/actor';
import { canonicalJson, sha256Hex } from '../src/modules/ledger/ledger-hash';
import type { CriterionNode, RulesContent } from '../src/modules/rules/rules-content';
import { defaultRulesContent } from '../src/modules/rules/rules-defaults';
import { rankUnits } from '../src/modules/scoring/ranking';
import {
  RANKING_ENTRIES_SQL,
  rankingMembers,
  rankingScores,
  type EntryRow,
} from '../src/modules/scoring/ranking-input';
import { RankingService } from '../src/modules/scoring/ranking.service';
import type { Benchmark } from './lib/bench';
import { random } from './lib/random';

const UNITS = Number(process.env.BENCH_RANKING_UNITS ?? 1000);
const GROUPS = 6;
const LEAVES_PER_GROUP = 10;
const BATCH = 10_000;

/** 6 groups × 10 leaves summing to 100 (four groups of 1.5-point leaves, two of 2-point leaves). */
function benchRules(): RulesContent {
  const criteria: CriterionNode[] = Array.from({ length: GROUPS }, (_, g) => ({
    code: `G${g + 1}`,
    name: `Nhóm tiêu chí ${g + 1}`,
    children: Array.from({ length: LEAVES_PER_GROUP }, (_, l) => ({
      code: `G${g + 1}.${l + 1}`,
      name: `Tiêu chí ${g + 1}.${l + 1}`,
      maxPoints: g < 4 ? 1.5 : 2,
    })),
  }));
  const content = defaultRulesContent();
  content.scoring = {
    criteria,
    bonus: [{ code: 'BONUS', name: 'Điểm thưởng', points: 1, cap: 3 }],
    penalty: [{ code: 'PENALTY', name: 'Điểm trừ', points: 1, cap: 4 }],
  };
  return content;
}

/** A score in [0, max] in quarter points: coarse on purpose, so that equal totals (ties) occur. */
const quarter = (rnd: () => number, max: number) => (Math.floor(rnd() * (max * 4 + 1)) / 4).toFixed(2);

async function seed(
  dataSource: DataSource,
): Promise<{ periodId: string; clusterId: string; rules: RulesContent; entries: number }> {
  const rules = benchRules();
  const [{ id: userId }] = (await dataSource.query(
    `INSERT INTO users (email, full_name, password_hash) VALUES ('bench@thidua.local', 'Bench', 'x') RETURNING id`,
  )) as { id: string }[];
  const [{ id: clusterId }] = (await dataSource.query(
    `INSERT INTO clusters (code, name) VALUES ('bench', 'Cụm đo hiệu năng') RETURNING id`,
  )) as { id: string }[];
  const codes = Array.from({ length: UNITS }, (_, i) => `bench-${String(i + 1).padStart(5, '0')}`);
  await dataSource.query(
    `INSERT INTO units (code, name, women_led)
     SELECT code, 'Đơn vị ' || code, ord % 7 = 0 FROM unnest($1::text[]) WITH ORDINALITY AS u(code, ord)`,
    [codes],
  );
  await dataSource.query(
    `INSERT INTO cluster_memberships (cluster_id, unit_id, joined_on)
     SELECT $1, id, '2020-01-01' FROM units WHERE code LIKE 'bench-%'`,
    [clusterId],
  );
  const [{ id: rulesId }] = (await dataSource.query(
    `INSERT INTO rules_versions (cluster_id, number, title, status, content, content_digest, created_by, adopted_at)
     VALUES ($1, 1, 'Quy chế đo hiệu năng', 'adopted', $2, $3, $4, now()) RETURNING id`,
    [clusterId, JSON.stringify(rules), sha256Hex(canonicalJson(rules)), userId],
  )) as { id: string }[];
  const [{ id: cycleId }] = (await dataSource.query(
    `INSERT INTO cycles (cluster_id, year, phase, rules_version_id) VALUES ($1, 2030, 'evaluation', $2) RETURNING id`,
    [clusterId, rulesId],
  )) as { id: string }[];
  const [{ id: periodId }] = (await dataSource.query(
    `INSERT INTO scoring_periods (cycle_id, name, rules_version_id, self_scoring_due, explanation_due, created_by)
     VALUES ($1, 'Cuối năm', $2, '2030-11-30', '2030-12-05', $3) RETURNING id`,
    [cycleId, rulesId, userId],
  )) as { id: string }[];
  const sheets = (await dataSource.query(
    `INSERT INTO score_sheets (period_id, unit_id, status, submitted_at, created_by)
     SELECT $1, id, 'submitted', now(), $2 FROM units WHERE code LIKE 'bench-%' RETURNING id`,
    [periodId, userId],
  )) as { id: string }[];

  const leaves = rules.scoring.criteria.flatMap((group) => group.children!);
  const rnd = random(20111121);
  const columns: [string[], string[], string[], (string | null)[], (string | null)[], (string | null)[]] = [
    [],
    [],
    [],
    [],
    [],
    [],
  ];
  let entries = 0;
  const flush = async () => {
    if (columns[0].length === 0) return;
    await dataSource.query(
      `INSERT INTO score_entries (sheet_id, item_code, item_kind, self_score, reviewed_score, final_score)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::numeric[], $5::numeric[], $6::numeric[])`,
      columns,
    );
    entries += columns[0].length;
    for (const column of columns) column.length = 0;
  };
  const push = (sheetId: string, code: string, kind: string, max: number) => {
    const self = quarter(rnd, max);
    // About a third reviewed lower; one entry in ten fixed by the secretariat.
    const reviewed = rnd() < 0.3 ? Math.max(0, Number(self) - 0.25).toFixed(2) : null;
    const final = rnd() < 0.1 ? quarter(rnd, max) : null;
    columns[0].push(sheetId);
    columns[1].push(code);
    columns[2].push(kind);
    columns[3].push(self);
    columns[4].push(reviewed);
    columns[5].push(final);
  };
  for (const sheet of sheets) {
    for (const leaf of leaves) push(sheet.id, leaf.code, 'criterion', leaf.maxPoints!);
    push(sheet.id, 'BONUS', 'bonus', 3);
    push(sheet.id, 'PENALTY', 'penalty', 4);
    if (columns[0].length >= BATCH) await flush();
  }
  await flush();
  await dataSource.query('ANALYZE');
  return { periodId, clusterId, rules, entries };
}

/** Item codes and their group (G1…G6, BONUS, PENALTY), as two parallel arrays. */
function itemGroups(rules: RulesContent): [string[], string[]] {
  const pairs = [
    ...rules.scoring.criteria.flatMap((group) => group.children!.map((leaf) => [leaf.code, group.code])),
    ...rules.scoring.bonus.map((item) => [item.code, 'BONUS']),
    ...rules.scoring.penalty.map((item) => [item.code, 'PENALTY']),
  ];
  return [pairs.map(([code]) => code), pairs.map(([, group]) => group)];
}

const ADMIN: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'bench@thidua.local',
  fullName: 'Bench',
  locale: 'vi',
  sessionId: '00000000-0000-0000-0000-000000000000',
  mandates: [{ id: 'bench', role: 'admin', unitId: null, clusterId: null, validFrom: new Date(0), validTo: null }],
  permissions: new Set(),
};

const GROUP_BY_SQL = `SELECT s.unit_id,
       SUM(CASE e.item_kind WHEN 'penalty' THEN -1 ELSE 1 END
           * COALESCE(e.final_score, e.reviewed_score, e.self_score, 0)) AS total
  FROM score_entries e JOIN score_sheets s ON s.id = e.sheet_id
 WHERE s.period_id = $1 AND s.status = 'submitted'
 GROUP BY s.unit_id
 ORDER BY total DESC`;

/** The alternative design: PostgreSQL sums per unit and group (item → group passed in), ~8 rows per unit. */
const PER_GROUP_SQL = `SELECT s.unit_id, m.grp,
       SUM(COALESCE(e.final_score, e.reviewed_score, e.self_score, 0))::text AS points
  FROM score_entries e
  JOIN score_sheets s ON s.id = e.sheet_id
  JOIN unnest($2::text[], $3::text[]) AS m(code, grp) ON m.code = e.item_code
 WHERE s.period_id = $1 AND s.status = 'submitted'
 GROUP BY s.unit_id, m.grp`;

const benchmark: Benchmark = {
  name: 'ranking',
  description:
    `Ranking of ${UNITS} units × ${GROUPS * LEAVES_PER_GROUP} leaf criteria (${GROUPS} groups × ${LEAVES_PER_GROUP}), ` +
    'plus one bonus and one penalty entry per sheet; every sheet submitted.',
  async setup(dataSource) {
    const { periodId, clusterId, rules, entries } = await seed(dataSource);
    const rankings = new RankingService(dataSource);
    const members = await rankingMembers(dataSource.manager, clusterId, periodId);
    const rows = (await dataSource.query(RANKING_ENTRIES_SQL, [periodId])) as EntryRow[];
    return {
      dataSet: { units: UNITS, sheets: UNITS, entries },
      cases: [
        {
          name: 'RankingService.ranking, stage final',
          note: 'end to end as GET …/ranking runs it, minus HTTP: its transaction, its queries, the sums and the sort',
          run: () => rankings.ranking(ADMIN, periodId, 'final'),
        },
        {
          name: 'RankingService.ranking, stage self',
          note: 'the same, plus the final totals that higher_final_score compares (two sums per sheet)',
          run: () => rankings.ranking(ADMIN, periodId, 'self'),
        },
        {
          name: 'entries query alone',
          note: `the one query that brings every entry of the period to Node (${entries} rows), nothing summed`,
          run: () => dataSource.query(RANKING_ENTRIES_SQL, [periodId]),
        },
        {
          name: 'in memory: sums and order',
          note: 'rankingScores (sheetTotals per sheet, exact bigint hundredths) and rankUnits on rows fetched once',
          run: async () => rankUnits(rankingScores(rules, members, rows, 'final').scores, rules.voting.tieBreak),
        },
        {
          name: 'raw SQL SUM … GROUP BY unit (reference)',
          note: 'the final totals summed by PostgreSQL itself: no tree, groups or tie-breaks',
          run: () => dataSource.query(GROUP_BY_SQL, [periodId]),
        },
        {
          name: 'raw SQL sums per unit and group (alternative)',
          note: 'what a ranking summed in PostgreSQL would fetch instead: one row per unit and group, bonus and penalty',
          run: () => dataSource.query(PER_GROUP_SQL, [periodId, ...itemGroups(rules)]),
        },
      ],
    };
  },
};

export default benchmark;
