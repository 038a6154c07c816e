import type { Actor } from '../../common/access/actor';
import type { SigningKey } from './signing-key.entity';
import type { SigningKeyChallenge } from './signing-key-challenge.entity';
import { SignaturesErrorCode, SignaturesException } from './signatures.exception';

/**
 * Record-level rules for signing keys. Public keys are public: anyone signed in reads them. Only
 * the holder registers a key on their account and revokes it — not even an administrator, since a
 * key speaks for one person.
 */
export const SigningKeyPolicy = {
  /** Someone else's challenge is answered as if it did not exist. */
  assertOwnChallenge(actor: Actor, challenge: SigningKeyChallenge | null, id: string): SigningKeyChallenge {
    if (!challenge || challenge.userId !== actor.userId) {
      throw new SignaturesException(
        SignaturesErrorCode.ChallengeNotFound,
        `You have no signing challenge with id ${id}; ask for one with POST /api/v1/me/signing-keys/challenges.`,
      );
    }
    return challenge;
  },

  assertMayRevoke(actor: Actor, key: SigningKey): void {
    if (key.userId !== actor.userId) {
      throw new SignaturesException(
        SignaturesErrorCode.KeyNotYours,
        'Only the person a key is registered to may revoke it.',
      );
    }
  },
};
