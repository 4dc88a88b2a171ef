// Input echoed in a message (a config key, a path, a value from a manifest) may hold any character:
// a line break would split a one-line CLI message, a NUL or an escape sequence would reach the
// terminal raw, and a bidirectional override would show a path reordered (`evil\u202Elmay.exe`
// reads as `evilexe.yaml`). Every message that repeats input goes through here.

/** C0 and C1 controls, DEL, the two Unicode line separators, and the bidirectional embeddings, overrides and isolates. */
const unprintable = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const named: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The text with every unprintable character written as an escape (`\n`, `\u0000`). */
export function echo(text: string): string {
  return text.replace(unprintable, (char) => named[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
