import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { SIMPLE_CALL_FIELDS, typeCallRecord } from '../../../api/records/record';
import type { Run } from '../../../api/transport/run';
import type { OperationMeta } from '../../../common/operations';
import { searchWindows } from '../../../common/windowSearch';
import type { RecordSearchInput } from '../../helpers/recordFields';
import {
	readRecordSearchInput,
	recordSearchFields,
	simplifiedIfAsked,
} from '../../helpers/recordFields';

export const meta: OperationMeta = {
	value: 'searchGroupRecords',
	name: 'Get Many',
	action: 'Get many call records',
	description:
		'Get the records of the calls sent between two dates (text to speech and audio file, last two months)',
};

export const properties = recordSearchFields;

export function readInput(this: IExecuteFunctions, itemIndex: number, run: Run): RecordSearchInput {
	return readRecordSearchInput(this, itemIndex, run);
}

/** POST /voice/recordGroupQuery over ≤31-day windows: one output item per record, oldest first. */
export async function execute(
	this: IExecuteFunctions,
	input: RecordSearchInput,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { range, limit, raw, timeoutSeconds, maxAttempts } = input;
	// Typed page by page as they arrive (de-duplication and order read the typed voiceId and submitTime).
	const request = {
		run,
		path: '/voice/recordGroupQuery',
		itemIndex,
		timeoutSeconds,
		maxAttempts,
		typeRecord: raw ? undefined : typeCallRecord,
	};
	return simplifiedIfAsked(
		await searchWindows(this, request, range, limit),
		input,
		SIMPLE_CALL_FIELDS,
	);
}
