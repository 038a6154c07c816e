import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { CommonErrorCode, CommonException } from '../../common/errors/common.exception';

/**
 * @nestjs/throttler's guard with our refusal: a problem+json 429 whose `Retry-After` header
 * (set by the error filter) says when the blocked account or address may try again.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfterSeconds = Math.max(1, detail.isBlocked ? detail.timeToBlockExpire : detail.timeToExpire);
    throw new CommonException(
      CommonErrorCode.TooManyRequests,
      `Too many sign-in attempts; try again in ${retryAfterSeconds} seconds.`,
      { retryAfterSeconds },
    );
  }
}
