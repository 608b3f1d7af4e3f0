/**
 * JSON.parse rounds integers above 2^53, so a Voice ID or message ID the vendor sends as a bare number
 * (5000000000000000321) would come out as another ID. Such literals are quoted before parsing: the ID
 * arrives as the exact digit string it was. Only texts that contain a long bare number take the slow path.
 */

/** A bare (unquoted) integer of 16 or more digits somewhere after a `:`, `[` or `,`. */
const LONG_BARE_NUMBER = /[:[,]\s*-?\d{16}/;

/** `text` with every integer literal outside strings that JavaScript cannot hold exactly turned into a string. */
function quoteUnsafeIntegers(text: string): string {
	let out = '';
	let copiedUpTo = 0;
	let i = 0;
	while (i < text.length) {
		const c = text.charCodeAt(i);
		if (c === 0x22 /* " */) {
			// Skip the string, escapes included.
			i += 1;
			while (i < text.length && text.charCodeAt(i) !== 0x22)
				i += text.charCodeAt(i) === 0x5c /* \ */ ? 2 : 1;
			i += 1;
			continue;
		}
		if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
			let end = i + 1;
			while (end < text.length && /[0-9.eE+-]/.test(text[end])) end += 1;
			const literal = text.slice(i, end);
			if (/^-?\d+$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
				out += `${text.slice(copiedUpTo, i)}"${literal}"`;
				copiedUpTo = end;
			}
			i = end;
			continue;
		}
		i += 1;
	}
	return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** JSON.parse that keeps every digit of large integers (as strings). Throws as JSON.parse does. */
export function parseJsonKeepingDigits(text: string): unknown {
	return JSON.parse(LONG_BARE_NUMBER.test(text) ? quoteUnsafeIntegers(text) : text);
}
