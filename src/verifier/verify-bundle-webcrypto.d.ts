// Types of verify-bundle-webcrypto.js: the core's primitives with WebCrypto (the browser's, or Node's).
import type { BundleVerification, VerifierCrypto } from './verify-bundle-core';

export declare const webCrypto: VerifierCrypto;

/** A DER ECDSA signature as the 64 bytes r‖s WebCrypto verifies; null when it is not strict DER. */
export declare function derToRaw(der: Uint8Array): Uint8Array | null;

/** Checks a parsed bundle with WebCrypto; never rejects. */
export declare function verifyBundle(bundle: unknown): Promise<BundleVerification>;
