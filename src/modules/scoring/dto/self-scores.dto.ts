import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { EnterSelfScoreDto } from './score-entries.dto';

/** At most this many entries in one request: more than any criteria tree has leaves and items. */
export const SELF_SCORES_MAX_ENTRIES = 500;

/** One line of a bulk self-scoring: the single-entry body plus the item it is for. */
export class SelfScoreEntryDto extends EnterSelfScoreDto {
  @ApiProperty({ example: 'A1.1', maxLength: 100, description: 'A leaf criterion or a bonus/penalty item.' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  itemCode: string;
}

export class EnterSelfScoresDto {
  @ApiProperty({
    type: [SelfScoreEntryDto],
    minItems: 1,
    maxItems: SELF_SCORES_MAX_ENTRIES,
    description: 'Each item at most once; items not listed keep what they have.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SELF_SCORES_MAX_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => SelfScoreEntryDto)
  entries: SelfScoreEntryDto[];
}
