import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { authConfig, type AuthConfig } from '../../config/auth.config';
import type { Actor } from '../../common/access/actor';
import { BASE_PERMISSIONS } from '../../common/access/permission';
import { ActorLoader } from './actor.loader';

const TOKEN_ONLY_PERMISSIONS = new Set(BASE_PERMISSIONS);

export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(authConfig.KEY) config: AuthConfig,
    private readonly actors: ActorLoader,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once: given a string, jsonwebtoken builds one on every verification,
      // which was a quarter of the CPU of a ballot (decision 011). The typings say string | Buffer.
      secretOrKey: createSecretKey(Buffer.from(config.accessSecret)) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
      passReqToCallback: true,
    });
  }

  validate(request: { sessionCheckedByHandler?: boolean }, claims: AccessTokenClaims): Promise<Actor> | Actor {
    if (request.sessionCheckedByHandler) return tokenOnlyActor(claims);
    return this.actors.load(claims.sub, claims.sid);
  }
}

/** The caller as the token says, before its session is checked: base permissions, no mandates. */
function tokenOnlyActor(claims: AccessTokenClaims): Actor {
  return {
    userId: claims.sub,
    sessionId: claims.sid,
    email: '',
    fullName: '',
    locale: 'vi',
    mandates: [],
    permissions: TOKEN_ONLY_PERMISSIONS,
    sessionChecked: false,
  };
}
