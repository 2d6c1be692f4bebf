// The sources' dialogs (Add Source, Import Bibliography, Replace Text), each loaded the first
// time it opens: the intake, pdf.js's loader and citation-js stay off the first paint.
import { lazy, Suspense } from 'react';
import { useAddSourceDialog } from './addSourceState';
import { useImportDialog } from './importState';
import { useReplaceDialog } from './replaceState';

const AddSourceDialog = lazy(() => import('./AddSourceDialog'));
const ImportBibliographyDialog = lazy(() => import('./ImportBibliographyDialog'));
const ReplaceTextDialog = lazy(() => import('./ReplaceTextDialog'));

export function SourceDialogs() {
  const adding = useAddSourceDialog((s) => s.open);
  const importing = useImportDialog((s) => s.open);
  const replacing = useReplaceDialog((s) => s.open);
  return (
    <Suspense fallback={null}>
      {adding && <AddSourceDialog />}
      {importing && <ImportBibliographyDialog />}
      {replacing && <ReplaceTextDialog />}
    </Suspense>
  );
}
