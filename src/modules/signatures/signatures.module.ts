import { Global, Module } from '@nestjs/common';
import { DocumentSigner } from './document-signer.service';
import { SignedBundles } from './signed-bundles.service';
import { SigningKeysController } from './signing-keys.controller';
import { SigningKeysService } from './signing-keys.service';

/**
 * Signing keys (Ed25519, ECDSA P-256) with proof of possession, and the one mechanism every
 * module signs documents with (DocumentSigner) and builds offline-verifiable bundles with.
 * Global: pledges, counting records and handover records all sign through it.
 */
@Global()
@Module({
  controllers: [SigningKeysController],
  providers: [DocumentSigner, SignedBundles, SigningKeysService],
  exports: [DocumentSigner, SignedBundles],
})
export class SignaturesModule {}
