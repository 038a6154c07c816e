import { Route, Routes } from 'react-router';
import { registerMessages } from '../../i18n/i18n';
import { ClusterPage } from './cluster-page';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { UnitPage } from './unit-page';

registerMessages({ vi, en });

/** The registry as the secretariat sees it: the cluster and its members, then one unit's people. */
export default function RegistryArea() {
  return (
    <>
      <Routes>
        <Route index element={<ClusterPage />} />
        <Route path="units/:unitId" element={<UnitPage />} />
      </Routes>
    </>
  );
}
