import type { IDataObject } from 'n8n-workflow';

/*
 * Type checks and limits for pushed items (status reports, SMS delivery reports, inbound SMS). A push comes
 * from anyone who has the URL, so every field is checked before it reaches a workflow: a documented field
 * must hold what the vendor documents, and fields the reference does not name are passed on only within the
 * limits below. A breach throws PushFieldError, which the trigger turns into a 400 naming the item and field.
 */

/** Digits a pushed ID may have (the vendor's are 19; the Voice node allows the same). */
export const MAX_ID_DIGITS = 64;
/** Characters any text field may have: far above a long SMS (1,000 characters) or a termination reason. */
export const MAX_TEXT_LENGTH = 8192;
/** Fields one item may have at all (documented ones, their other spellings and pass-through): checked first, cheaply. */
export const MAX_ITEM_FIELDS = 100;
/** Fields the reference does not name that one item may pass on. */
export const MAX_PASS_THROUGH_FIELDS = 50;
/** How deep such a field may nest objects and lists (`{"a":{"b":1}}` is 2). */
export const MAX_PASS_THROUGH_DEPTH = 5;
/** Entries one object or list inside such a field may have. */
export const MAX_PASS_THROUGH_ENTRIES = 50;
/** Size of one such field, counted as JSON characters. */
export const MAX_PASS_THROUGH_SIZE = 8192;

/** Keys that would be a prototype's, not data, in JavaScript: dropped wherever they appear. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class PushFieldError extends Error {
	constructor(
		readonly field: string,
		readonly problem: string,
	) {
		super(`field "${field}" ${problem}`);
		this.name = 'PushFieldError';
	}
}

/** What a value is, in words, for a refusal. */
export function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string')
		return value.length > MAX_TEXT_LENGTH ? `text of ${value.length} characters` : 'text';
	if (typeof value === 'boolean') return 'true/false';
	return `a ${typeof value}`;
}

/** A JSON number above 2^53 was rounded when n8n parsed the body: its last digits are not the sender's. */
function hasLostDigits(value: unknown): boolean {
	return typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value);
}

const LOST_DIGITS = `is a number above ${Number.MAX_SAFE_INTEGER}, so its last digits were lost when the push was read; send it as a JSON string`;

/**
 * A documented field that holds one value: text (up to MAX_TEXT_LENGTH), a number, true/false or null.
 * With `asText`, a number must also be exact (a rounded number is no text the sender wrote).
 */
export function checkScalar(field: string, value: unknown, asText: boolean): void {
	if (
		value === undefined ||
		value === null ||
		typeof value === 'number' ||
		typeof value === 'boolean'
	) {
		if (asText && hasLostDigits(value)) throw new PushFieldError(field, LOST_DIGITS);
		return;
	}
	if (typeof value === 'string' && value.length <= MAX_TEXT_LENGTH) return;
	throw new PushFieldError(
		field,
		`is ${kindOf(value)}; allowed: text (up to ${MAX_TEXT_LENGTH} characters), a number or null`,
	);
}

/** Refuses an item with more than MAX_ITEM_FIELDS keys before any key is read (a push may hold 200,000). */
export function checkFieldCount(raw: IDataObject): void {
	let count = 0;
	for (const key in raw) {
		count += 1;
		if (count > MAX_ITEM_FIELDS) {
			throw new PushFieldError(
				key,
				`is field ${count} of the item; an item may have at most ${MAX_ITEM_FIELDS} fields`,
			);
		}
	}
}

/** A pushed ID: 1 to MAX_ID_DIGITS digits, as a string (or a whole number small enough to be exact). */
export function pushId(field: string, value: unknown): string {
	if (hasLostDigits(value)) throw new PushFieldError(field, LOST_DIGITS);
	const text =
		typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value;
	const trimmed =
		typeof text === 'string' && text.length <= MAX_TEXT_LENGTH ? text.trim() : undefined;
	if (trimmed !== undefined && /^\d+$/.test(trimmed) && trimmed.length <= MAX_ID_DIGITS)
		return trimmed;
	const got =
		value === undefined || value === null || trimmed === ''
			? 'is missing'
			: `is ${trimmed === undefined ? kindOf(value) : 'not digits only'}`;
	throw new PushFieldError(
		field,
		`${got}; allowed: a string of 1 to ${MAX_ID_DIGITS} digits (0-9)`,
	);
}

/** Counts the JSON characters of a pass-through value as it is copied, and stops at the limits. */
class PassThroughCopy {
	private size = 0;

	constructor(private readonly field: string) {}

	copy(value: unknown, depth: number): unknown {
		if (value === null || typeof value === 'boolean') return this.add(5, value);
		if (typeof value === 'number') {
			if (hasLostDigits(value)) throw new PushFieldError(this.field, LOST_DIGITS);
			return this.add(String(value).length, value);
		}
		if (typeof value === 'string') return this.add(value.length + 2, value);
		if (typeof value !== 'object') return this.add(4, null);
		if (depth >= MAX_PASS_THROUGH_DEPTH) {
			throw new PushFieldError(
				this.field,
				`nests objects or lists more than ${MAX_PASS_THROUGH_DEPTH} levels deep, the most passed on for a field the reference does not name`,
			);
		}
		const keys = Array.isArray(value) ? undefined : Object.keys(value);
		const count = keys?.length ?? (value as unknown[]).length;
		if (count > MAX_PASS_THROUGH_ENTRIES) {
			throw new PushFieldError(
				this.field,
				`holds an object or list of ${count} entries; at most ${MAX_PASS_THROUGH_ENTRIES} are passed on for a field the reference does not name`,
			);
		}
		this.add(2, undefined);
		if (keys === undefined) return (value as unknown[]).map((entry) => this.copy(entry, depth + 1));
		const copy: IDataObject = {};
		for (const key of keys) {
			if (PROTOTYPE_KEYS.has(key)) continue;
			this.add(key.length + 3, undefined);
			copy[key] = this.copy((value as IDataObject)[key], depth + 1) as IDataObject[string];
		}
		return copy;
	}

	private add<T>(characters: number, value: T): T {
		this.size += characters;
		if (this.size > MAX_PASS_THROUGH_SIZE) {
			throw new PushFieldError(
				this.field,
				`is larger than ${MAX_PASS_THROUGH_SIZE / 1024} KB as JSON, the most passed on for a field the reference does not name`,
			);
		}
		return value;
	}
}

/**
 * Adds the fields the reference does not name to a typed record, after its own fields: each as a copy
 * within the limits above, without prototype keys; a name the record already has is not overwritten.
 */
export function passThrough(
	record: IDataObject,
	fields: Iterable<readonly [string, unknown]>,
): IDataObject {
	let count = 0;
	for (const [name, value] of fields) {
		if (PROTOTYPE_KEYS.has(name) || Object.prototype.hasOwnProperty.call(record, name)) continue;
		count += 1;
		if (count > MAX_PASS_THROUGH_FIELDS) {
			throw new PushFieldError(
				name,
				`is field ${count} the reference does not name; an item passes on at most ${MAX_PASS_THROUGH_FIELDS} of them`,
			);
		}
		record[name] = new PassThroughCopy(name).copy(value, 0) as IDataObject[string];
	}
	return record;
}
