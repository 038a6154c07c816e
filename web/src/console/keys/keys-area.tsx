import { KeysPage } from '../../signing/keys/keys-page';

/** /console/keys: the clerk's signing keys, to sign counting records (the same screen as the portal's). */
export default function KeysArea() {
  return <KeysPage />;
}
