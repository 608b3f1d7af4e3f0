import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { RecordTyper } from './recordLookup';
import { executeRecordGet, executeRecordSearch, recordGetFields, recordSearchFields } from './recordLookup';

/** The fields and work of a record operation; its file adds its own `meta`. */
interface RecordOperation {
	properties: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]>;
}

/** Get one record by Voice ID from `<pathPrefix>/<voiceId>`, typed by `typeRecord`. */
export function recordGetOperation(pathPrefix: string, typeRecord: RecordTyper): RecordOperation {
	return {
		properties: recordGetFields(),
		async execute(this: IExecuteFunctions, itemIndex: number) {
			return await executeRecordGet(this, itemIndex, pathPrefix, typeRecord);
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
