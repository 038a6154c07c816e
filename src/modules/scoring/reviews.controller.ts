import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import {
  AssignReviewerDto,
  ListReviewAssignmentsQueryDto,
  ReviewAssignmentResponseDto,
} from './dto/review-assignments.dto';
import { EnterReviewedScoreDto, ScoreEntryResponseDto } from './dto/score-entries.dto';
import { ReviewsService } from './reviews.service';
import { IfMatchHeader } from '../../common/versioning/versioning.decorators';
import type { IfMatch } from '../../common/versioning/version-precondition';

const ASSIGNMENTS = 'scoring-periods/:periodId/review-assignments';

@ApiTags('scoring')
@Controller()
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Post(ASSIGNMENTS)
  @RequirePermission(Permission.ScoringManage)
  @ApiOperation({
    summary: 'Assign a cross-reviewer to a unit',
    description:
      "Administrators or the cluster's secretariat. The reviewer may hold no mandate of the unit (422 " +
      'reviewer_from_same_unit) and is assigned once per unit and period (409 reviewer_already_assigned).',
  })
  @ApiCreatedResponse({ type: ReviewAssignmentResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  assign(
    @CurrentActor() actor: Actor,
    @Param('periodId', UuidParam) periodId: string,
    @Body() dto: AssignReviewerDto,
  ): Promise<ReviewAssignmentResponseDto> {
    return this.reviews.assign(actor, periodId, dto);
  }

  @Get(ASSIGNMENTS)
  @RequirePermission(Permission.ScoringRead)
  @ApiOperation({ summary: "A period's review assignments", description: 'Sort fields: createdAt (default).' })
  @ApiPageResponse(ReviewAssignmentResponseDto)
  @ApiProblems(400, 401, 403, 404)
  list(
    @CurrentActor() actor: Actor,
    @Param('periodId', UuidParam) periodId: string,
    @Query() query: ListReviewAssignmentsQueryDto,
  ): Promise<Page<ReviewAssignmentResponseDto>> {
    return this.reviews.list(actor, periodId, query);
  }

  @Delete(`${ASSIGNMENTS}/:id`)
  @RequirePermission(Permission.ScoringManage)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Withdraw a review assignment',
    description: 'Only before the reviewer entered a reviewed score for the unit (409 review_assignment_has_reviews).',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  unassign(
    @CurrentActor() actor: Actor,
    @Param('periodId', UuidParam) periodId: string,
    @Param('id', UuidParam) id: string,
  ): Promise<void> {
    return this.reviews.unassign(actor, periodId, id);
  }

  @Put('scoring-periods/:periodId/units/:unitId/entries/:itemCode/review')
  @RequirePermission(Permission.ScoresReview)
  @ApiOperation({
    summary: 'Enter a reviewed score',
    description:
      'A reviewer assigned to the unit in the period (403 not_assigned_reviewer) who holds no mandate of it now ' +
      '(403 reviewer_own_unit), on a submitted sheet (409 sheet_not_submitted), with a comment. Range and item ' +
      'rules as for self scores; refused once the period is adopted (409 period_adopted).',
  })
  @ApiOkResponse({ type: ScoreEntryResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  enterReview(
    @CurrentActor() actor: Actor,
    @Param('periodId', UuidParam) periodId: string,
    @Param('unitId', UuidParam) unitId: string,
    @Param('itemCode') itemCode: string,
    @Body() dto: EnterReviewedScoreDto,
    @IfMatchHeader() ifMatch: IfMatch,
  ): Promise<ScoreEntryResponseDto> {
    return this.reviews.enterReview(actor, periodId, unitId, itemCode, dto, ifMatch);
  }
}
