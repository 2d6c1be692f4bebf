// The comparison's and the merge's commands for the toolbar and the host's menu; their code
// (the comparison, the merge) is fetched when first used, not with the first frame.
const load = () => import('./compareState');

/** File > Compare with a Student's Map…: the student's file through the platform, beside the open map. */
export async function compareWithStudentMap(): Promise<boolean> {
  return (await load()).compareWithStudentMap();
}

/** File > Merge Edits from…: the dialog choosing the base and the other edited copy. */
export async function openMergeDialog(): Promise<boolean> {
  return (await load()).openMergeDialog();
}
