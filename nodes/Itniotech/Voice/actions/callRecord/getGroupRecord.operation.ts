import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { typeCallRecord } from '../../../api/records/record';
import type { OperationMeta } from '../../../common/operations';
import { executeRecordGet, recordGetFields } from '../../helpers/recordLookup';

export const meta: OperationMeta = {
	value: 'getGroupRecord',
	name: 'Get Group Call Record',
	action: 'Get a group call record',
	description:
		'Get the record of one group or voice message call by its Voice ID: status, times, duration and cost',
};

export const properties = recordGetFields();

/** GET /voice/recordGroup/{voiceId}: one record per input item. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await executeRecordGet(this, itemIndex, '/voice/recordGroup', typeCallRecord);
}
