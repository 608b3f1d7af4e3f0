import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const PREVIEW_LENGTH = 40;

/** How a bad value is shown back to the user: quoted, control characters escaped, long ones cut. */
export function previewValue(value: unknown): string {
	if (value === undefined || value === null) return 'nothing';
	const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
	const cut = text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}…` : text;
	return JSON.stringify(cut);
}

export const VOICE_ID_MAX_DIGITS = 64;

/**
 * A Voice ID as the vendor issues it: digits only. It becomes part of the request path, so anything
 * else (letters, spaces, "../x") is refused here, before a request is made.
 */
export function validateVoiceId(node: INode, value: unknown, itemIndex: number): string {
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
