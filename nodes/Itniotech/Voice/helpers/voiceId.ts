import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { previewValue } from '../../common/validation';

export const VOICE_ID_MAX_DIGITS = 64;

/**
 * A Voice ID as the vendor issues it: digits only. It becomes part of the request path, so anything
 * else (letters, spaces, "../x") is refused here, before a request is made.
 */
export function validateVoiceId(node: INode, value: unknown, itemIndex: number): string {
	// A 19-digit ID read as a number (e.g. a Google Sheets column) has lost its last digits before it
	// got here: say so, instead of showing a rounded ID as if the user had typed it.
	if (typeof value === 'number' && Number.isInteger(value) && value > Number.MAX_SAFE_INTEGER) {
		throw new NodeOperationError(
			node,
			`The Voice ID in item ${itemIndex} lost digits on the way: it arrived as a number too large to hold every digit`,
			{
				itemIndex,
				description: `Got the number ${String(value)}; numbers above ${Number.MAX_SAFE_INTEGER} are rounded, so its last digits are not the real ones. Keep Voice IDs as text: format the column as text (in Google Sheets: Format → Number → Plain text) and enter the IDs again, or pass the value as a string (e.g. keep the voiceId text Itniotech returned).`,
			},
		);
	}
	const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
	const trimmed = typeof text === 'string' ? text.trim() : undefined;
	const problem =
		trimmed === undefined
			? 'must be text made of digits'
			: trimmed === ''
				? 'is empty'
				: !/^\d+$/.test(trimmed)
					? 'may contain digits (0-9) only'
					: trimmed.length > VOICE_ID_MAX_DIGITS
						? `may have at most ${VOICE_ID_MAX_DIGITS} digits`
						: undefined;
	if (problem === undefined && trimmed !== undefined) return trimmed;
	throw new NodeOperationError(node, `The Voice ID in item ${itemIndex} ${problem}`, {
		itemIndex,
		description: `Got ${previewValue(value)}. Use the voiceId Itniotech returned when the call was sent, for example 2203031113381000002. When it comes from an earlier node, map it with an expression such as {{ $json.voiceId }}.`,
	});
}
