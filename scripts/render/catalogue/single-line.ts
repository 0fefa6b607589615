/** Text for a one-line place (heading, table cell, link text, graph label): whitespace runs become one space. */
export function singleLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
