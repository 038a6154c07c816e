import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { authConfig, type AuthConfig } from '../../config/auth.config';
import { CommonErrorCode, CommonException } from '../../common/errors/common.exception';
import { FailureBudgetStore } from '../../common/throttling/failure-budget.store';
import { userIdByEmail } from '../users';

/** An address the account signed in from within this long is the owner's, not a stranger's. */
const KNOWN_ADDRESS_DAYS = 90;

/**
 * Wrong-password budgets (decision 022): a small one per account and address, which locks only
 * that pair, and a larger one per account, beyond which addresses the account has never signed
 * in from wait 1, 2, 4 … seconds (up to one window) between attempts. A stranger's failures
 * therefore never stop the owner signing in from their usual address, nor from a new one for
 * long; a correct password forgets the pair's failures.
 */
@Injectable()
export class LoginBudget {
  constructor(
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: FailureBudgetStore,
  ) {}

  /** Counts the attempt before the password is checked; refuses it with 429 when over budget. */
  async begin(email: string, address: string): Promise<void> {
    const window = this.config.loginLimitWindowMs;
    const pair = await this.store.take(pairKey(email, address), {
      budget: this.config.loginFailuresPerAddress,
      windowMs: window,
      blockMs: () => window,
    });
    if (!pair.allowed) throw tooMany(pair.retryAfterSeconds);
    if (await this.isKnownAddress(email, address)) return;
    const account = await this.store.take(accountKey(email), {
      budget: this.config.loginFailuresPerAccount,
      windowMs: window,
      blockMs: (over) => Math.min(window, 1000 * 2 ** Math.min(over - 1, 30)),
    });
    if (!account.allowed) {
      // Nothing was tried from this pair: do not spend its budget on the account's delay.
      await this.store.giveBack(pairKey(email, address));
      throw tooMany(account.retryAfterSeconds);
    }
  }

  /** The password was right: the pair's failures are forgotten and this attempt was none. */
  async succeeded(email: string, address: string): Promise<void> {
    await this.store.reset(pairKey(email, address));
    await this.store.giveBack(accountKey(email));
  }

  private async isKnownAddress(email: string, address: string): Promise<boolean> {
    const userId = await userIdByEmail(this.dataSource.manager, email);
    if (!userId) return false;
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM auth_sessions s
        WHERE s.user_id = $1 AND s.ip_address = $2 AND s.created_at > now() - $3 * interval '1 day'
        LIMIT 1`,
      [userId, address, KNOWN_ADDRESS_DAYS],
    )) as unknown[];
    return rows.length > 0;
  }
}

function pairKey(email: string, address: string): string {
  return `login-pair:${email}|${address}`;
}

function accountKey(email: string): string {
  return `login-account:${email}`;
}

function tooMany(retryAfterSeconds: number): CommonException {
  return new CommonException(
    CommonErrorCode.TooManyRequests,
    `Too many wrong passwords for this account from here; try again in ${retryAfterSeconds} seconds.`,
    { retryAfterSeconds },
  );
}
