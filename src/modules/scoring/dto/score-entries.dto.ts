import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import type { ScoreChange } from '../score-change.entity';
import type { ScoreEntry, ScoreItemKind } from '../score-entry.entity';
import { effectiveFinal } from '../score-values';
import { OptionalText, PointsProperty, RequiredText } from './points';
import { ExpectedVersionField } from '../../../common/versioning/versioning.decorators';

export class EnterSelfScoreDto {
  @PointsProperty("0 … the leaf's maxPoints (or the bonus/penalty item's cap); at most 2 decimals.")
  selfScore: string | number;

  @OptionalText(
    4000,
    'Đã thành lập mới 12 HTX (Quyết định số …)',
    'Evidence in words; absent keeps it, null clears it.',
  )
  selfNote?: string | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 20,
    description:
      "Approved pledge progress reports of the unit for the period's cycle, cited as evidence " +
      '(422 progress_report_not_citable otherwise); absent keeps the citations, [] removes them.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  progressReportIds?: string[];

  @ExpectedVersionField('score entry')
  expectedVersion?: number;
}

export class EnterReviewedScoreDto {
  @PointsProperty("0 … the leaf's maxPoints (or the item's cap); at most 2 decimals.")
  reviewedScore: string | number;

  @RequiredText(4000, 'Hồ sơ chỉ chứng minh 10 HTX thành lập mới trong năm.')
  comment: string;

  @ExpectedVersionField('score entry')
  expectedVersion?: number;
}

export class EnterExplanationDto {
  @RequiredText(4000, '2 HTX được cấp đăng ký ngày 28/12; kèm bản sao giấy chứng nhận.')
  explanation: string;

  @ExpectedVersionField('score entry')
  expectedVersion?: number;
}

export class FixFinalScoreDto {
  @PointsProperty("0 … the leaf's maxPoints (or the item's cap); at most 2 decimals.")
  finalScore: string | number;

  @OptionalText(
    4000,
    'Chấp nhận giải trình của đơn vị.',
    'Required when the final differs from the reviewed score (or, with no review, the self score).',
  )
  reason?: string | null;

  @ExpectedVersionField('score entry')
  expectedVersion?: number;
}

/** One scorable line of a sheet: what the unit, the reviewer and the secretariat entered. */
export class ScoreLineDto {
  @ApiProperty({ example: 'B1' }) itemCode: string;
  @ApiProperty({ enum: ['criterion', 'bonus', 'penalty'] }) kind: ScoreItemKind;
  @ApiProperty({ type: String, nullable: true, example: '12.50' }) selfScore: string | null;
  @ApiProperty({ type: String, nullable: true }) selfNote: string | null;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Approved pledge progress reports cited as evidence (GET /pledge-progress-reports/{id}).',
  })
  citedProgressReportIds: string[];
  @ApiProperty({ type: String, nullable: true, example: '10.00' }) reviewedScore: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewComment: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reviewedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) explanation: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Fixed by the secretariat; null until then.' })
  finalScore: string | null;
  @ApiProperty({ type: String, nullable: true }) finalReason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) finalizedBy: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The final that counts: finalScore, else reviewedScore, else selfScore.',
  })
  effectiveFinal: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Null while nothing is entered for the item.' })
  version: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: string | null;
}

export class ScoreEntryResponseDto extends ScoreLineDto {
  @ApiProperty({ format: 'uuid' }) sheetId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ enum: ['draft', 'submitted'] }) sheetStatus: 'draft' | 'submitted';
}

export class ScoreChangeResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: [
      'self_score',
      'self_note',
      'cited_progress_reports',
      'reviewed_score',
      'review_comment',
      'explanation',
      'final_score',
      'final_reason',
    ],
  })
  field: string;
  @ApiProperty({ type: String, nullable: true }) oldValue: string | null;
  @ApiProperty({ type: String, nullable: true }) newValue: string | null;
  @ApiProperty({ format: 'uuid' }) actorId: string;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export function toScoreLine(itemCode: string, kind: ScoreItemKind, entry: ScoreEntry | null | undefined): ScoreLineDto {
  return {
    itemCode,
    kind,
    selfScore: entry?.selfScore ?? null,
    selfNote: entry?.selfNote ?? null,
    citedProgressReportIds: entry?.citedProgressReportIds ?? [],
    reviewedScore: entry?.reviewedScore ?? null,
    reviewComment: entry?.reviewComment ?? null,
    reviewedBy: entry?.reviewedBy ?? null,
    explanation: entry?.explanation ?? null,
    finalScore: entry?.finalScore ?? null,
    finalReason: entry?.finalReason ?? null,
    finalizedBy: entry?.finalizedBy ?? null,
    effectiveFinal: entry ? effectiveFinal(entry) : null,
    version: entry?.version ?? null,
    updatedAt: entry?.updatedAt?.toISOString() ?? null,
  };
}

export function toScoreEntryResponse(
  entry: ScoreEntry,
  sheet: { id: string; unitId: string; status: 'draft' | 'submitted' },
): ScoreEntryResponseDto {
  return {
    ...toScoreLine(entry.itemCode, entry.itemKind, entry),
    sheetId: sheet.id,
    unitId: sheet.unitId,
    sheetStatus: sheet.status,
  };
}

export function toScoreChangeResponse(change: ScoreChange, actorName: string | null): ScoreChangeResponseDto {
  return {
    id: change.id,
    field: change.field,
    oldValue: change.oldValue,
    newValue: change.newValue,
    actorId: change.actorId,
    actorName,
    reason: change.reason,
    createdAt: change.createdAt.toISOString(),
  };
}
