import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import type { SortSpec } from '../../../common/pagination/pagination';
import type { UnitRef } from '../../registry';
import type { UserRef } from '../../users';
import type { ReviewAssignment } from '../review-assignment.entity';

export const REVIEW_ASSIGNMENT_SORT: SortSpec = {
  fields: { createdAt: 'createdAt' },
  default: 'createdAt',
};

export class AssignReviewerDto {
  @ApiProperty({ format: 'uuid', description: 'The unit whose sheet is reviewed (a current member of the cluster).' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ format: 'uuid', description: 'The reviewer: an active user holding no mandate of that unit.' })
  @IsUUID()
  reviewerId: string;
}

export class ListReviewAssignmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  reviewerId?: string;
}

export class ReviewAssignmentResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) periodId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: 'son-la' }) unitCode: string;
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty({ example: 'Nguyễn Văn A' }) reviewerName: string;
  @ApiProperty({ format: 'uuid' }) assignedBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** The response of an assignment, with the code of the unit under review and the reviewer's name. */
export function toReviewAssignmentResponse(
  assignment: ReviewAssignment,
  unit: Pick<UnitRef, 'code'>,
  reviewer: Pick<UserRef, 'fullName'>,
): ReviewAssignmentResponseDto {
  return {
    id: assignment.id,
    periodId: assignment.periodId,
    unitId: assignment.unitId,
    unitCode: unit.code,
    reviewerId: assignment.reviewerId,
    reviewerName: reviewer.fullName,
    assignedBy: assignment.assignedBy,
    createdAt: assignment.createdAt.toISOString(),
  };
}
