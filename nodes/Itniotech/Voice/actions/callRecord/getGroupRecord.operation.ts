import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { SIMPLE_CALL_FIELDS, typeCallRecord } from '../../../api/records/record';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import type { OperationMeta } from '../../../common/operations';
import type { RecordGetInput } from '../../helpers/recordFields';
import { readRecordGetInput, recordGetFields, recordOf } from '../../helpers/recordFields';

export const meta: OperationMeta = {
	value: 'getGroupRecord',
	name: 'Get',
	action: 'Get a call record',
	description:
		'Look up any call of your account, text to speech or audio file, by its Voice ID: status, times, cost',
};

export const properties = recordGetFields;

// Bulk look-ups are this operation's main use: read items ahead, and space request starts.
export const readAhead = true;
export const spaceStarts = true;

export function readInput(this: IExecuteFunctions, itemIndex: number): RecordGetInput {
	return readRecordGetInput(this, itemIndex);
}

/** GET /voice/recordGroup/{voiceId}: one record per input item. */
export async function execute(
	this: IExecuteFunctions,
	input: RecordGetInput,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { voiceId, timeoutSeconds, maxAttempts } = input;
	const envelope = await itniotechApiRequest(this, run, {
		method: 'GET',
		path: `/voice/recordGroup/${encodeURIComponent(voiceId)}`,
		itemIndex,
		timeoutSeconds,
		maxAttempts,
	});
	return [recordOf(envelope, input, typeCallRecord, SIMPLE_CALL_FIELDS)];
}
