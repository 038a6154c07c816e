import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { BooleanQueryParam } from '../../../common/pagination/page-query.dto';
import { PEOPLE_SHEET_FORMATS, type PeopleSheetFormat } from '../people-sheet';

export class ImportPeopleQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'true: check every row with the rules of the API and report, writing nothing.',
  })
  @IsOptional()
  @BooleanQueryParam()
  @IsBoolean()
  dryRun?: boolean;
}

export class ExportPeopleQueryDto {
  @ApiPropertyOptional({ enum: PEOPLE_SHEET_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(PEOPLE_SHEET_FORMATS)
  format?: PeopleSheetFormat;
}

export class LocalizedTextDto {
  @ApiProperty({ example: 'Thiếu cột "email" ở dòng 1.' }) vi: string;
  @ApiProperty({ example: 'The column "email" is missing from row 1.' }) en: string;
}

export class PeopleImportErrorDto {
  @ApiProperty({ type: 'integer', example: 3, description: 'The row of the sheet, 1 being the header.' })
  row: number;
  @ApiProperty({ type: String, nullable: true, example: 'role', description: 'The column, when one is at fault.' })
  column: string | null;
  @ApiProperty({ example: 'mandate_grant_forbidden', description: 'The same code the API answers for the same act.' })
  code: string;
  @ApiProperty({ type: LocalizedTextDto }) message: LocalizedTextDto;
}

export const PEOPLE_ROW_OUTCOMES = ['granted', 'unchanged', 'refused'] as const;
export type PeopleRowOutcome = (typeof PEOPLE_ROW_OUTCOMES)[number];

export class PeopleImportRowDto {
  @ApiProperty({ type: 'integer', example: 2 }) row: number;
  @ApiProperty({ type: String, nullable: true, example: 'daibieu2.son-la@thidua.local' }) email: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'delegate' }) role: string | null;
  @ApiProperty({
    enum: PEOPLE_ROW_OUTCOMES,
    description:
      'granted (or would be, in a dry run); unchanged: the same mandate already exists; refused: see errors.',
  })
  outcome: PeopleRowOutcome;
  @ApiProperty({ description: 'The row creates an account (it has no usable password until one is set).' })
  accountCreated: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null in a dry run and when refused.' })
  mandateId: string | null;
}

export class PeopleImportResultDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'Whether anything was written: only a real import without a refused row.' })
  applied: boolean;
  @ApiProperty({ type: 'integer' }) rowCount: number;
  @ApiProperty({ type: 'integer' }) granted: number;
  @ApiProperty({ type: 'integer' }) unchanged: number;
  @ApiProperty({ type: 'integer' }) accountsCreated: number;
  @ApiProperty({ type: [PeopleImportRowDto] }) rows: PeopleImportRowDto[];
  @ApiProperty({ type: [PeopleImportErrorDto] }) errors: PeopleImportErrorDto[];
}
