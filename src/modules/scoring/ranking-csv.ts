import { csvDocument } from '../../common/csv/csv';
import type { RankingResponseDto } from './dto/ranking.dto';

/** Column headers as the cluster's score tables name them; one "Nhóm <code>: <name>" per criteria group follows. */
export const RANKING_CSV_HEADER = ['Hạng', 'Đơn vị', 'Tổng điểm', 'Điểm tiêu chí', 'Điểm thưởng', 'Điểm trừ'] as const;

export function rankingGroupHeader(group: { code: string; name: string }): string {
  return `Nhóm ${group.code}: ${group.name}`;
}

/** The ranking table for a spreadsheet: UTF-8 with a BOM, CRLF lines, RFC 4180 quoting; ranked units only. */
export function rankingCsv(ranking: Pick<RankingResponseDto, 'groups' | 'rows'>): string {
  return csvDocument([
    [...RANKING_CSV_HEADER, ...ranking.groups.map(rankingGroupHeader)],
    ...ranking.rows.map((row) => [
      row.rank,
      row.unitName,
      row.total,
      row.criteria,
      row.bonus,
      row.penalty,
      ...ranking.groups.map((group) => row.groups[group.code] ?? '0.00'),
    ]),
  ]);
}

export function rankingCsvFilename(clusterCode: string, year: number, stage: string): string {
  return `xep-hang-${clusterCode}-${year}-${stage}.csv`.replace(/[^A-Za-z0-9._-]/g, '_');
}
