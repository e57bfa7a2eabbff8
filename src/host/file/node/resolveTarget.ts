/**
 * A relationship's target as a path inside an .xlsx package, resolved against the folder of its source
 * part (`..` and `.` followed; a target starting with `/` is from the package's root).
 *
 * @example resolveTarget('xl/worksheets', '../drawings/drawing1.xml') // 'xl/drawings/drawing1.xml'
 */
export function resolveTarget(folder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = folder === '' ? [] : folder.split('/');
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}
