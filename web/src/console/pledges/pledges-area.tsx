import { Route, Routes } from 'react-router';
import { registerMessages } from '../../i18n/i18n';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { PledgesPage } from './pledges-page';

registerMessages({ vi, en });

/** The emulation pledge (giao ước thi đua): shared text per version, the units' signatures, the seal, progress. */
export default function PledgesArea() {
  return (
    <>
      <Routes>
        <Route index element={<PledgesPage />} />
      </Routes>
    </>
  );
}
