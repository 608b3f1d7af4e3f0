import { daysInMonth, utcMs, zoneOffsetMs } from '../api/records/isoTime';
import type { Run } from '../api/transport/run';

/**
 * The vendor keeps records for two months: the earliest instant a search may ask for, counted the way the
 * workflow's `$now.minus({ months: 2 })` counts it, and the way the vendor may count it.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const SECOND_MS = 1000;
/** How much later than `now` the workflow's own `$now.minus({ months: 2 })` may have been computed. */
const COMPUTED_LATER_MS = 12 * 60 * 60 * 1000;

/** A wall-clock time (ms, as if UTC) two calendar months back, the day clamped to the month's end. */
function twoMonthsBefore(wall: number): number {
	const date = new Date(wall);
	let year = date.getUTCFullYear();
	let month = date.getUTCMonth() + 1 - 2;
	if (month < 1) {
		month += 12;
		year -= 1;
	}
	const timeOfDay = wall - utcMs(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
	return utcMs(year, month, Math.min(date.getUTCDate(), daysInMonth(year, month))) + timeOfDay;
}

/** The earliest instant a wall-clock time has in a zone: of an ambiguous or skipped (DST) time, the earlier reading. */
function earliestInstantOfWall(wall: number, timeZone: string): number {
	// The zone's offsets a day either side cover both sides of any DST change near the time.
	const readings = [
		zoneOffsetMs(wall - DAY_MS, timeZone),
		zoneOffsetMs(wall + DAY_MS, timeZone),
	].map((offset) => ({
		instant: wall - offset,
		exact: zoneOffsetMs(wall - offset, timeZone) === offset,
	}));
	const exact = readings.filter((reading) => reading.exact);
	return Math.min(...(exact.length > 0 ? exact : readings).map((reading) => reading.instant));
}

/**
 * The earliest instant the vendor still has records for: two calendar months before now, the way
 * `$now.minus({ months: 2 })` counts them in the workflow's time zone — same wall-clock time, the day
 * clamped to the month's end (30 April → 28/29 February, 31 May → 31 March). So that such a From always
 * passes, also when computed a little after `now`: clamping steps back at some midnights (29 April 23:59
 * → 28 February 23:59, then 30 April 00:00 → 28 February 00:00), so the next midnight's value is taken
 * when it is earlier, and the clocks going back in that time are allowed for; of an ambiguous or skipped
 * (DST) time, the earlier reading. Whole seconds: the vendor is sent whole seconds anyway.
 */
export function earliestAllowed(now: Date, timeZone = 'UTC'): Date {
	const nowMs = now.getTime();
	// When the clocks go back within that time, the wall clock repeats an hour: count from its earliest reading.
	const offsetNow = zoneOffsetMs(nowMs, timeZone);
	const fallBack = Math.max(0, offsetNow - zoneOffsetMs(nowMs + COMPUTED_LATER_MS, timeZone));
	const wall = nowMs + offsetNow - fallBack;
	const nextMidnight = wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS) + DAY_MS;
	const target = Math.min(twoMonthsBefore(wall), twoMonthsBefore(nextMidnight));
	return new Date(Math.floor(earliestInstantOfWall(target, timeZone) / SECOND_MS) * SECOND_MS);
}

/** Zones the vendor may count its two months in besides the workflow's: its own (+08:00 in every example), UTC. */
const VENDOR_ZONES = ['Etc/GMT-8', 'UTC'];
/** Room for the vendor's clock running ahead of this host's. */
const VENDOR_CLOCK_MARGIN_MS = 60_000;

/**
 * The first instant worth asking the vendor for. earliestAllowed counts two months the way the workflow's
 * `$now.minus({ months: 2 })` does, but the vendor may count them in its own zone or in UTC, which across a
 * daylight-saving change lies up to an hour later; asked for that hour, it answers -22. Searching from the
 * latest of the three counts (plus a minute for the clocks' difference) keeps such a From usable under every
 * reading; what it leaves out are records the vendor may already have dropped.
 */
export function vendorSearchStart(nowMs: number, timeZone: string): Date {
	const limits = [timeZone, ...VENDOR_ZONES].map((zone) => {
		const target = twoMonthsBefore(nowMs + zoneOffsetMs(nowMs, zone));
		return Math.max(
			target - zoneOffsetMs(target - DAY_MS, zone),
			target - zoneOffsetMs(target + DAY_MS, zone),
		);
	});
	return new Date(
		Math.ceil((Math.max(...limits) + VENDOR_CLOCK_MARGIN_MS) / SECOND_MS) * SECOND_MS,
	);
}

/** One clock reading for a whole execution, and the two-month limit computed from it. */
export interface SearchClock {
	now: Date;
	earliest: Date;
}

export function clockAt(nowMs: number, timeZone: string): SearchClock {
	const now = new Date(nowMs);
	return { now, earliest: earliestAllowed(now, timeZone) };
}

/** The run's clock for searches: the time it started, in the workflow's time zone. */
export function searchClock(
	run: Pick<Run, 'startedMs'>,
	ctx: { getTimezone(): string },
): SearchClock {
	return clockAt(run.startedMs, ctx.getTimezone());
}
