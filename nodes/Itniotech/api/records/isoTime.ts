/**
 * The one date-time grammar the node reads (date fields and vendor times alike): ISO 8601 / RFC 3339,
 * `YYYY-MM-DD`, optionally `T` (or a space) + `HH:mm`, `:ss`, a fraction of up to 9 digits, and an
 * offset (`Z`, `±HH:mm`, `±HHmm` or `±HH`, hours 00–23, minutes 00–59). Date.parse is not used: it
 * reads "1" as 2001 and "March 5" as 5 March 2001.
 */
const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:([Tt ])(\d{2}):(\d{2})(?::(\d{2})([.,]\d{1,9})?)?(?:( ?)([Zz]|[+-]\d{2}(?::?\d{2})?))?)?$/;

export interface IsoDateTime {
	/** The wall-clock time, in ms, as if it were UTC. */
	wallMs: number;
	/** Minutes east of UTC; undefined when the text has no offset. */
	offsetMinutes: number | undefined;
	/** The offset as `Z` or `±HH:mm`; undefined when the text has none. */
	offset: string | undefined;
	/** Already in the canonical form `YYYY-MM-DDTHH:mm:ss[.fff]±HH:mm` (or `Z`). */
	canonical: boolean;
}

export function daysInMonth(year: number, month: number): number {
	if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Date.UTC, but years 0–99 stay years 0–99 (Date.UTC would make them 1900–1999). */
export function utcMs(
	year: number,
	month: number,
	day: number,
	hour = 0,
	minute = 0,
	second = 0,
	ms = 0,
): number {
	if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, ms);
	const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
	date.setUTCFullYear(year);
	return date.getTime();
}

function offsetOf(text: string): number | undefined {
	if (text === 'Z' || text === 'z') return 0;
	const hours = Number(text.slice(1, 3));
	const minutes = text.length > 3 ? Number(text.slice(-2)) : 0;
	if (hours > 23 || minutes > 59) return undefined;
	return (text[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Reads `text` (already trimmed) by the grammar above; undefined when it does not match or names an impossible time. */
export function readIsoDateTime(text: string): IsoDateTime | undefined {
	const match = ISO_DATE_TIME.exec(text);
	if (!match) return undefined;
	const [, y, mo, d, separator, h = '0', mi = '0', s, fraction, space, offset] = match;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	const hour = Number(h);
	const minute = Number(mi);
	const second = s === undefined ? 0 : Number(s);
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	const offsetMinutes = offset === undefined ? undefined : offsetOf(offset);
	if (offset !== undefined && offsetMinutes === undefined) return undefined;
	const normalizedOffset =
		offset === undefined || offsetMinutes === undefined
			? undefined
			: offset.length === 1
				? 'Z'
				: `${offset[0]}${offset.slice(1, 3)}:${offset.length > 3 ? offset.slice(-2) : '00'}`;
	const ms = fraction === undefined ? 0 : Number(`${fraction.slice(1)}00`.slice(0, 3));
	const canonical =
		separator === 'T' &&
		s !== undefined &&
		(fraction === undefined || fraction[0] === '.') &&
		space === '' &&
		(offset === 'Z' || (offset !== undefined && offset.length === 6));
	return {
		wallMs: utcMs(year, month, day, hour, minute, second, ms),
		offsetMinutes,
		offset: normalizedOffset,
		canonical,
	};
}

/** The canonical text of a wall-clock time with its offset: `YYYY-MM-DDTHH:mm:ss[.sss]±HH:mm` (or `Z`). */
export function formatIso(wallMs: number, offset: string): string {
	const iso = new Date(wallMs).toISOString();
	const whole = ((wallMs % 1000) + 1000) % 1000 === 0;
	return `${iso.slice(0, whole ? 19 : 23)}${offset}`;
}

/** The UTC offset (ms) of a time zone at an instant, from the platform's time zone data. */
export function zoneOffsetMs(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(instant));
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const wall = utcMs(
		get('year'),
		get('month'),
		get('day'),
		get('hour'),
		get('minute'),
		get('second'),
	);
	return wall - Math.floor(instant / 1000) * 1000;
}
