import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';

export class AdoptRankingDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: "The period's `version` you read; refused (concurrent_update) if the period changed since.",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
