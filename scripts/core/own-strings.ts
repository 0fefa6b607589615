/**
 * A deep copy of plain JSON data whose strings are its own. V8 makes a substring of a long string (a parsed
 * value sliced from the file's text) a view that keeps the whole text alive, so a few short fields kept from
 * each of thousands of files can hold every file's text in memory. A JSON round trip copies the characters.
 */
export function ownStrings<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
