import { defineResource } from '../../../common/operations';
import * as getGroupRecord from './getGroupRecord.operation';
import * as searchGroupRecords from './searchGroupRecords.operation';

/** Its operations in menu order; the first is the default. */
export const callRecord = defineResource('callRecord', 'Call Record', [
	getGroupRecord,
	searchGroupRecords,
]);
