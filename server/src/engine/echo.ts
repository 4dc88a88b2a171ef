// Input echoed in a message (a config key, a path, a value from a manifest) may hold any character:
// a line break would split a one-line CLI message, a NUL or an escape sequence would reach the
// terminal raw. Every message that repeats input goes through here.

/** C0 and C1 controls, DEL, and the two Unicode line separators. */
const unprintable = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const named: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The text with every unprintable character written as an escape (`\n`, `\u0000`). */
export function echo(text: string): string {
  return text.replace(unprintable, (char) => named[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
