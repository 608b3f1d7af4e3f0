import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const PREVIEW_LENGTH = 40;

/** How a bad value is shown back to the user: quoted, control characters escaped, long ones cut. */
export function previewValue(value: unknown): string {
	if (value === undefined || value === null) return 'nothing';
	const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
	const cut = text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}…` : text;
	return JSON.stringify(cut);
}

/** An expression that found nothing is most often a field read from the wrong place, like a Webhook's body. */
export const nothingFoundHint = (example = 'phone') =>
	`If this is an expression: after a Webhook node the posted fields are under body, e.g. {{ $json.body.${example} }}.`;

const hintFor = (got: unknown, hint: string) =>
	got === undefined || got === null ? `${hint} ${nothingFoundHint()}` : hint;

function fail(node: INode, itemIndex: number, message: string, got: unknown, hint: string): never {
	throw new NodeOperationError(node, message, {
		itemIndex,
		description: `Got ${previewValue(got)}. ${hintFor(got, hint)}`,
	});
}

/** A phone number as the vendor wants it: country code + number, 7–15 digits. Spaces, dashes, dots, brackets and a leading + are removed first. */
export function validatePhoneNumber(
	node: INode,
	field: string,
	value: unknown,
	itemIndex: number,
): string {
	const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
	if (typeof text === 'string') {
		const digits = text
			.trim()
			.replace(/^\+/, '')
			.replace(/[\s\-().]/g, '');
		if (/^\d{7,15}$/.test(digits)) return digits;
	}
	return fail(
		node,
		itemIndex,
		`The ${field} in item ${itemIndex} must be a phone number of 7 to 15 digits, starting with the country code`,
		value,
		'For example 6281234567890 (Indonesia) or 919876543210 (India); a leading + and spaces are fine.',
	);
}

function validateRange(
	node: INode,
	field: string,
	value: unknown,
	itemIndex: number,
	[min, max]: [number, number],
	wholeNumber: boolean,
): number {
	const ok =
		typeof value === 'number' &&
		Number.isFinite(value) &&
		(!wholeNumber || Number.isInteger(value)) &&
		value >= min &&
		value <= max;
	if (ok) return value;
	const kind = wholeNumber ? 'a whole number' : 'a number';
	return fail(
		node,
		itemIndex,
		`The ${field} in item ${itemIndex} must be ${kind} from ${min} to ${max}`,
		value,
		`Allowed: ${min} to ${max}.`,
	);
}

/** A whole number in [min, max]. */
export function validateInteger(
	node: INode,
	field: string,
	value: unknown,
	itemIndex: number,
	min: number,
	max: number,
): number {
	return validateRange(node, field, value, itemIndex, [min, max], true);
}

/**
 * A whole number within what the credential's platform accepts (e.g. Onbuka's loop count 1–3); a number
 * outside it gets a message naming the platform, anything else the plain check of validateInteger.
 */
export function validatePlatformInteger(
	node: INode,
	field: string,
	value: unknown,
	itemIndex: number,
	{ min, max }: { min: number; max: number },
	platformName: string,
): number {
	if (typeof value === 'number' && Number.isFinite(value) && (value < min || value > max)) {
		return fail(
			node,
			itemIndex,
			`The ${field} in item ${itemIndex} must be a whole number from ${min} to ${max} on ${platformName}`,
			value,
			`On ${platformName} it can be ${min} to ${max}. The platform is chosen in the Itniotech credential (field Platform).`,
		);
	}
	return validateInteger(node, field, value, itemIndex, min, max);
}

/** A number (fractions allowed) in [min, max]. */
export function validateNumber(
	node: INode,
	field: string,
	value: unknown,
	itemIndex: number,
	min: number,
	max: number,
): number {
	return validateRange(node, field, value, itemIndex, [min, max], false);
}

/** Non-empty text of at most `max` characters (after trimming when `trim` is set). */
export function validateText(
	node: INode,
	field: string,
	value: unknown,
	itemIndex: number,
	{ min = 1, max, trim = true }: { min?: number; max: number; trim?: boolean },
): string {
	const text = typeof value === 'number' ? String(value) : value;
	if (typeof text === 'string') {
		const result = trim ? text.trim() : text;
		if (result.length >= min && result.length <= max) return result;
	}
	return fail(
		node,
		itemIndex,
		min > 0
			? `The ${field} in item ${itemIndex} must be text of ${min} to ${max} characters`
			: `The ${field} in item ${itemIndex} must be text of at most ${max} characters`,
		value,
		`Allowed length: ${min} to ${max} characters.`,
	);
}

/** One of the listed values. */
export function validateChoice<T extends string | number>(
	node: INode,
	field: string,
	value: unknown,
	itemIndex: number,
	allowed: readonly T[],
): T {
	if (allowed.includes(value as T)) return value as T;
	return fail(
		node,
		itemIndex,
		`The ${field} in item ${itemIndex} must be one of: ${allowed.join(', ')}`,
		value,
		'Pick a value from the list.',
	);
}
