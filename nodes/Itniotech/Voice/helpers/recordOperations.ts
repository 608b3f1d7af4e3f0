import type { IExecuteFunctions } from 'n8n-workflow';
import type { OperationModule } from '../../common/operations';
import type { RecordGetInput, RecordTyper } from './recordLookup';
import { executeRecordGet, executeRecordSearch, readRecordGetInput, recordGetFields, recordSearchFields } from './recordLookup';

/** The fields and work of a record operation; its file adds its own `meta`. */
type RecordOperation = Omit<OperationModule, 'meta' | 'check'>;

/**
 * Get one record by Voice ID from `<pathPrefix>/<voiceId>`, typed by `typeRecord`. Its input is read apart
 * from the request, so the runner can read it ahead (bulk look-ups are this operation's main use).
 */
export function recordGetOperation(pathPrefix: string, typeRecord: RecordTyper): RecordOperation {
	return {
		properties: recordGetFields(),
		readInput(this: IExecuteFunctions, itemIndex: number) {
			return readRecordGetInput(this, itemIndex);
		},
		async execute(this: IExecuteFunctions, itemIndex: number, input?: unknown) {
			// Called directly (not by the runner), it reads its own input.
			const itemInput = (input as RecordGetInput | undefined) ?? readRecordGetInput(this, itemIndex);
			return await executeRecordGet(this, itemIndex, itemInput, pathPrefix, typeRecord);
		},
	};
}

/** Search the records submitted between From and To at `path`, over ≤31-day windows, typed by `typeRecord`. */
export function recordSearchOperation(path: string, typeRecord: RecordTyper): RecordOperation {
	return {
		properties: recordSearchFields(),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			return await executeRecordSearch(this, itemIndex, path, typeRecord);
		},
	};
}
