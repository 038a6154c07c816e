import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { authConfig, type AuthConfig } from '../../config/auth.config';

/** argon2id with OWASP's minimum parameters by default (19 MiB, t=2, p=1); memory is configurable. */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  constructor(@Inject(authConfig.KEY) private readonly config: AuthConfig) {}

  hash(password: string): Promise<string> {
    return argon2.hash(password, {
      type: argon2.argon2id,
      memoryCost: this.config.argon2MemoryKib,
      timeCost: 2,
      parallelism: 1,
    });
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    // Unknown accounts still cost one verification, so timing does not reveal which emails exist.
    const target = hash ?? (await (this.dummyHash ??= this.hash('not-a-real-password')));
    try {
      return (await argon2.verify(target, password)) && hash !== undefined;
    } catch {
      return false;
    }
  }
}
