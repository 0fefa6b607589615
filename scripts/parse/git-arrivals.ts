/**
 * When each file arrived, from `git log --first-parent --reverse --diff-filter=AR --name-status -z
 * --format=%x01`: the position of the commit that added it (0 the oldest), following renames back, so a file
 * moved or renamed keeps the arrival of the file it came from.
 */
export function arrivalPositions(log: string): Map<string, number> {
  const arrival = new Map<string, number>();
  let position = -1;
  const fields = log.split('\0');
  for (let i = 0; i < fields.length; i++) {
    let field = fields[i] ?? '';
    // Each commit starts with the format's \x01 line; its first status follows on the same field.
    if (field.startsWith('\u0001')) {
      position++;
      field = field.replace(/^\u0001\n*/, '');
      if (field === '') continue;
    }
    const status = field.trim();
    if (status === 'A') {
      const file = fields[++i] ?? '';
      arrival.set(file, position);
    } else if (/^R\d*$/.test(status)) {
      const from = fields[++i] ?? '';
      const to = fields[++i] ?? '';
      arrival.set(to, arrival.get(from) ?? position);
      arrival.delete(from);
    }
  }
  return arrival;
}
