import { ApiProperty } from '@nestjs/swagger';

/**
 * Parts several signable documents share, as their builders write them (docs/signatures.md).
 * A document's content is what was signed: these classes describe it, they are never filled in.
 */
export class DocumentClusterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'CUM-MN' }) code: string;
  @ApiProperty() name: string;
}

export class DocumentUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'LS' }) code: string;
  @ApiProperty({ example: 'Liên minh Hợp tác xã tỉnh Lạng Sơn' }) name: string;
}

export class DocumentCycleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer', example: 2011 }) year: number;
}

/** `formatVersion` of every document format today: a change of shape is a new version. */
export const documentFormatVersion = () =>
  ApiProperty({ type: 'integer', enum: [1], description: 'The version of the format; a new shape gets a new one.' });
