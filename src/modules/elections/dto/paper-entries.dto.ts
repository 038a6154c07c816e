import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class PaperLineDto {
  @ApiProperty({
    example: 'option:0',
    description:
      '`option:<position>` (votes, or approvals for award proposals), `blank`, `invalid`, ' +
      '`ballots_issued`, `ballots_received`.',
  })
  @IsString()
  @Matches(/^(option:[0-9]{1,2}|blank|invalid|ballots_issued|ballots_received)$/)
  line: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 3 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  count: number;
}

export class EnterPaperCountDto {
  @ApiProperty({ type: [PaperLineDto], description: 'Your figures; a line you entered before is a correction.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => PaperLineDto)
  lines: PaperLineDto[];

  @ApiPropertyOptional({
    example: 'Recounted the blank ballots: one was marked for Sơn La.',
    description: 'Required when a line corrects your earlier figure; kept with the new figure.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

export class PaperFigureDto {
  @ApiProperty({ format: 'uuid' }) memberId: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The member’s current figure; null if not entered.' })
  count: number | null;
}

export class PaperLineComparisonDto {
  @ApiProperty() line: string;
  @ApiProperty({ type: [PaperFigureDto] }) figures: PaperFigureDto[];
  @ApiProperty({ description: 'Two members at least entered it, and all figures are equal.' }) agreed: boolean;
}

export class PaperEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) enteredBy: string;
  @ApiProperty() enteredByName: string;
  @ApiProperty() line: string;
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The entry this one corrects.' })
  supersedesId: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The corrected figure.' })
  previousCount: number | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) enteredAt: string;
  @ApiProperty({ description: 'False once a later entry of the same member corrects it.' }) current: boolean;
}

export class PaperCountResponseDto {
  @ApiProperty({ format: 'uuid' }) pollId: string;
  @ApiProperty({ type: [String], description: "The poll's count sheet: every line each member enters." })
  sheetLines: string[];
  @ApiProperty({ description: 'Two members agree on every line and the sheet adds up.' }) accepted: boolean;
  @ApiProperty({ type: [String], description: 'The members whose whole sheets agree.' }) agreeingMembers: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    nullable: true,
    description: 'The agreed figures by line.',
  })
  sheet: Record<string, number> | null;
  @ApiProperty({ type: [PaperLineComparisonDto] }) lines: PaperLineComparisonDto[];
  @ApiProperty({ type: [String], description: 'Why an agreed sheet is still refused.' }) inconsistencies: string[];
  @ApiProperty({ type: 'integer', description: 'Paper ballots handed out as recorded (by weight).' })
  paperBallotsIssued: number;
  @ApiProperty({ type: [PaperEntryDto], description: 'Every entry, oldest first: corrections keep the old figure.' })
  history: PaperEntryDto[];
}
