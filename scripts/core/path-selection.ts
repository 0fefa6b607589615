/**
 * Which files a report is about: root-relative paths with `/`, each a file or a folder ('' is the whole
 * library); null selects everything.
 */
export type PathSelection = readonly string[] | null;

/** Whether `file` is one of the selected files or lies under a selected folder. */
export function isSelected(file: string, selection: PathSelection): boolean {
  if (selection === null) return true;
  return selection.some(
    (selected) => selected === '' || file === selected || file.startsWith(`${selected}/`),
  );
}
