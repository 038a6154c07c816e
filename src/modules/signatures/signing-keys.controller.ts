import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequirePermission } from '../../common/access/access.decorators';
import type { Actor } from '../../common/access/actor';
import { Permission } from '../../common/access/permission';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { ApiPageResponse } from '../../common/pagination/api-page-response.decorator';
import type { Page } from '../../common/pagination/pagination';
import { UuidParam } from '../../common/validation/validation';
import {
  ListSigningKeysQueryDto,
  RegisterSigningKeyDto,
  RevokeSigningKeyDto,
  SigningChallengeResponseDto,
  SigningKeyResponseDto,
} from './dto/signing-keys.dto';
import { SigningKeysService } from './signing-keys.service';

@ApiTags('signing keys')
@Controller()
export class SigningKeysController {
  constructor(private readonly keys: SigningKeysService) {}

  @Post('me/signing-keys/challenges')
  @RequirePermission(Permission.SigningKeysManage)
  @ApiOperation({
    summary: 'A one-time challenge to sign with a new key',
    description:
      'Sign the `challenge` text (its UTF-8 bytes, nothing added) with the new private key and send the ' +
      'signature with the public key to POST /me/signing-keys within 10 minutes. See docs/signatures.md.',
  })
  @ApiCreatedResponse({ type: SigningChallengeResponseDto })
  @ApiProblems(401, 403)
  createChallenge(@CurrentActor() actor: Actor): Promise<SigningChallengeResponseDto> {
    return this.keys.createChallenge(actor);
  }

  @Post('me/signing-keys')
  @RequirePermission(Permission.SigningKeysManage)
  @ApiOperation({
    summary: 'Register a public signing key (Ed25519 or ECDSA P-256) on your account',
    description:
      "With proof of possession: `challengeSignature` is the new key's signature over your unexpired, unused " +
      'challenge (404 signing_challenge_not_found, 409 signing_challenge_expired / signing_challenge_used, 422 ' +
      'proof_of_possession_failed). Only public keys (SPKI PEM or public JWK) of those two algorithms (422 ' +
      'public_key_invalid / public_key_algorithm_unsupported); a key is registered once (409 ' +
      'signing_key_already_registered). Recorded in the ledger.',
  })
  @ApiCreatedResponse({ type: SigningKeyResponseDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  register(@CurrentActor() actor: Actor, @Body() dto: RegisterSigningKeyDto): Promise<SigningKeyResponseDto> {
    return this.keys.register(actor, dto);
  }

  @Get('me/signing-keys')
  @RequirePermission(Permission.SigningKeysManage)
  @ApiOperation({
    summary: 'Your signing keys, revoked ones included',
    description: 'Sort fields: registeredAt (default -registeredAt), revokedAt.',
  })
  @ApiPageResponse(SigningKeyResponseDto)
  @ApiProblems(400, 401, 403)
  listOwn(@CurrentActor() actor: Actor, @Query() query: ListSigningKeysQueryDto): Promise<Page<SigningKeyResponseDto>> {
    return this.keys.listOwn(actor, query);
  }

  @Post('me/signing-keys/:id/revoke')
  @HttpCode(200)
  @RequirePermission(Permission.SigningKeysManage)
  @ApiOperation({
    summary: 'Revoke one of your signing keys',
    description:
      'From `revokedAt` on the key signs nothing; signatures made before stay valid. Only your own keys (403 ' +
      'signing_key_not_yours), once (409 signing_key_already_revoked). Recorded in the ledger.',
  })
  @ApiOkResponse({ type: SigningKeyResponseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: RevokeSigningKeyDto,
  ): Promise<SigningKeyResponseDto> {
    return this.keys.revoke(actor, id, dto);
  }

  @Get('users/:userId/signing-keys')
  @RequirePermission(Permission.SigningKeysRead)
  @ApiOperation({
    summary: "A person's public signing keys, revoked ones included",
    description:
      'Public keys are public: anyone signed in may read them to check signatures. Sort fields: registeredAt ' +
      '(default -registeredAt), revokedAt.',
  })
  @ApiPageResponse(SigningKeyResponseDto)
  @ApiProblems(400, 401, 404)
  listOfUser(
    @CurrentActor() actor: Actor,
    @Param('userId', UuidParam) userId: string,
    @Query() query: ListSigningKeysQueryDto,
  ): Promise<Page<SigningKeyResponseDto>> {
    return this.keys.listOfUser(actor, userId, query);
  }

  @Get('signing-keys/:fingerprint')
  @RequirePermission(Permission.SigningKeysRead)
  @ApiOperation({
    summary: 'One public signing key by its fingerprint',
    description: "The fingerprint is the SHA-256 (64 hex digits) of the key's SPKI DER encoding.",
  })
  @ApiOkResponse({ type: SigningKeyResponseDto })
  @ApiProblems(401, 404)
  getByFingerprint(
    @CurrentActor() actor: Actor,
    @Param('fingerprint') fingerprint: string,
  ): Promise<SigningKeyResponseDto> {
    return this.keys.getByFingerprint(actor, fingerprint);
  }
}
