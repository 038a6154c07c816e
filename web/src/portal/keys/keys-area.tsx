import { KeysPage } from '../../signing/keys/keys-page';

/** /portal/keys: the person's signing keys (the same screen as the console's, web/src/signing/keys). */
export default function KeysArea() {
  return <KeysPage />;
}
