import { ApprovalSummaryDto } from '../../approvals';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { UnitRef } from '../../registry';
import { isLeaf, type BonusPenaltyItem, type CriterionNode } from '../../rules';
import type { ScoreEntry } from '../score-entry.entity';
import type { ScoreSheet } from '../score-sheet.entity';
import {
  formatHundredths,
  nodeSubtotals,
  SCORE_STAGES,
  sheetTotals,
  stageScore,
  type ScoreStage,
  type ScoreTree,
  type SheetTotals,
} from '../score-values';
import { ScoreLineDto, toScoreLine } from './score-entries.dto';

export class StageSubtotalsDto {
  @ApiProperty({ example: '27.50' }) self: string;
  @ApiProperty({ example: '25.00', description: 'Reviewed scores, the self score where no review was entered.' })
  reviewed: string;
  @ApiProperty({ example: '26.00', description: 'Effective finals: final, else reviewed, else self.' })
  final: string;
}

export class SheetCriterionDto {
  @ApiProperty({ example: 'B' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 45, description: "A parent's maximum is the sum of its children." }) maxPoints: number;
  @ApiProperty({ description: 'Only leaves are scored; a parent is the sum of its children.' }) leaf: boolean;
  @ApiProperty({ type: StageSubtotalsDto }) subtotals: StageSubtotalsDto;
  @ApiPropertyOptional({ type: ScoreLineDto, description: 'Leaves only: the entry (empty when nothing is entered).' })
  entry?: ScoreLineDto;
  @ApiPropertyOptional({ type: () => [SheetCriterionDto] }) children?: SheetCriterionDto[];
}

export class SheetItemDto {
  @ApiProperty({ example: 'BONUS-MODEL' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 1, description: 'Points per occurrence.' }) points: number;
  @ApiProperty({ example: 3, description: 'The most the item adds (bonus) or removes (penalty).' }) cap: number;
  @ApiProperty({ type: ScoreLineDto }) entry: ScoreLineDto;
}

export class SheetTotalsDto {
  @ApiProperty({ example: '88.50' }) criteria: string;
  @ApiProperty({ example: '2.00' }) bonus: string;
  @ApiProperty({ example: '1.00' }) penalty: string;
  @ApiProperty({ example: '89.50', description: 'criteria + bonus − penalty' }) total: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { A: '28.00', B: '40.50' } })
  groups: Record<string, string>;
}

export class SheetStageTotalsDto {
  @ApiProperty({ type: SheetTotalsDto }) self: SheetTotals;
  @ApiProperty({ type: SheetTotalsDto }) reviewed: SheetTotals;
  @ApiProperty({ type: SheetTotalsDto }) final: SheetTotals;
}

class SheetUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'son-la' }) code: string;
  @ApiProperty({ example: 'Liên minh Hợp tác xã tỉnh Sơn La' }) name: string;
}

export class ScoreSheetResponseDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null until the unit enters a first score.',
  })
  id: string | null;
  @ApiProperty({ format: 'uuid' }) periodId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ type: SheetUnitDto }) unit: SheetUnitDto;
  @ApiProperty({ enum: ['draft', 'submitted'] }) status: 'draft' | 'submitted';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) createdAt: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) version: number | null;
  @ApiProperty({ type: ApprovalSummaryDto, nullable: true }) approval: ApprovalSummaryDto | null;
  @ApiProperty({ type: [SheetCriterionDto], description: 'The whole criteria tree, entries merged into its leaves.' })
  criteria: SheetCriterionDto[];
  @ApiProperty({ type: [SheetItemDto] }) bonus: SheetItemDto[];
  @ApiProperty({ type: [SheetItemDto] }) penalty: SheetItemDto[];
  @ApiProperty({ type: SheetStageTotalsDto }) totals: SheetStageTotalsDto;
}

/** The sheet of a unit, or the empty sheet it will be (`sheet` null) before its first score. */
export function toScoreSheetResponse(input: {
  periodId: string;
  unit: UnitRef;
  tree: ScoreTree;
  sheet: ScoreSheet | null;
  entries: ScoreEntry[];
  approval: ApprovalSummaryDto | null;
}): ScoreSheetResponseDto {
  const { sheet, tree } = input;
  const byCode = new Map(input.entries.map((entry) => [entry.itemCode, entry]));
  const subtotals = Object.fromEntries(
    SCORE_STAGES.map((stage) => [
      stage,
      nodeSubtotals(tree.criteria, (code) => {
        const entry = byCode.get(code);
        return entry ? stageScore(entry, stage) : null;
      }),
    ]),
  ) as Record<ScoreStage, Map<string, bigint>>;
  const node = (criterion: CriterionNode): SheetCriterionDto => {
    const leaf = isLeaf(criterion);
    const children = leaf ? undefined : criterion.children!.map(node);
    return {
      code: criterion.code,
      name: criterion.name,
      maxPoints: leaf ? (criterion.maxPoints ?? 0) : children!.reduce((sum, child) => sum + child.maxPoints, 0),
      leaf,
      subtotals: {
        self: formatHundredths(subtotals.self.get(criterion.code)!),
        reviewed: formatHundredths(subtotals.reviewed.get(criterion.code)!),
        final: formatHundredths(subtotals.final.get(criterion.code)!),
      },
      ...(leaf ? { entry: toScoreLine(criterion.code, 'criterion', byCode.get(criterion.code)) } : { children }),
    };
  };
  const item = (kind: 'bonus' | 'penalty') => (source: BonusPenaltyItem) => ({
    code: source.code,
    name: source.name,
    points: source.points,
    cap: source.cap,
    entry: toScoreLine(source.code, kind, byCode.get(source.code)),
  });
  return {
    id: sheet?.id ?? null,
    periodId: input.periodId,
    unitId: input.unit.id,
    unit: { id: input.unit.id, code: input.unit.code, name: input.unit.name },
    status: sheet?.status ?? 'draft',
    submittedAt: sheet?.submittedAt?.toISOString() ?? null,
    createdBy: sheet?.createdBy ?? null,
    createdAt: sheet?.createdAt.toISOString() ?? null,
    version: sheet?.version ?? null,
    approval: input.approval,
    criteria: tree.criteria.map(node),
    bonus: tree.bonus.map(item('bonus')),
    penalty: tree.penalty.map(item('penalty')),
    totals: {
      self: sheetTotals(tree, input.entries, 'self'),
      reviewed: sheetTotals(tree, input.entries, 'reviewed'),
      final: sheetTotals(tree, input.entries, 'final'),
    },
  };
}
