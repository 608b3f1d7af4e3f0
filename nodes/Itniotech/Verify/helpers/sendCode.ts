import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { text } from '../../api/records/values';
import { itniotechApiRequest } from '../../api/transport/request';
import type { Run } from '../../api/transport/run';
import { CODE_UNKNOWN_OUTCOME, withNumber } from './codeReport';

/** One code to send: the request's path and body, and what the output repeats. */
export interface CodeSend {
	path: string;
	body: IDataObject;
	number: string;
	reference: string | null;
	timeoutSeconds: number;
}

/**
 * One POST of a send (send, sendRule, resend): never repeated (isSend), its output the item the workflow
 * goes on with: `verificationId`, `number`, `channel`, `reference`, and the vendor's `snaUrl` when it sent
 * one. A failure carries the number, so the run's report can name it (codeReport.ts).
 */
export async function sendCode(
	ctx: IExecuteFunctions,
	run: Run,
	itemIndex: number,
	send: CodeSend,
): Promise<IDataObject> {
	let envelope;
	try {
		envelope = await itniotechApiRequest(ctx, run, {
			method: 'POST',
			path: send.path,
			body: send.body,
			itemIndex,
			timeoutSeconds: send.timeoutSeconds,
			isSend: true,
			unknownOutcome: CODE_UNKNOWN_OUTCOME,
		});
	} catch (error) {
		throw withNumber(error, send.number);
	}
	const data = (
		typeof envelope.data === 'object' && envelope.data !== null ? envelope.data : {}
	) as IDataObject;
	const row: IDataObject = {
		verificationId: text(data.verificationId),
		number: text(data.to) ?? send.number,
		channel: text(data.channel) ?? text(send.body.channel),
		reference: send.reference,
	};
	if (data.snaUrl !== undefined) row.snaUrl = text(data.snaUrl);
	return row;
}
