import { Route, Routes } from 'react-router';
import { registerMessages } from '../../i18n/i18n';
import { ComparePage } from './compare-page';
import en from './messages.en.json';
import vi from './messages.vi.json';
import { VersionPage } from './version-page';
import { VersionsPage } from './versions-page';

registerMessages({ vi, en });

/** The cluster's reward rules: its versions, a version's editor and adoption, two versions compared. */
export default function RulesArea() {
  return (
    <>
      <Routes>
        <Route index element={<VersionsPage />} />
        <Route path="compare" element={<ComparePage />} />
        <Route path=":versionId" element={<VersionPage />} />
      </Routes>
    </>
  );
}
