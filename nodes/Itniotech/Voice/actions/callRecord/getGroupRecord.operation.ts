import { typeCallRecord } from '../../../api/records/record';
import type { OperationMeta } from '../../../common/operations';
import { recordGetOperation } from '../../helpers/recordOperations';

export const meta: OperationMeta = {
	value: 'getGroupRecord',
	name: 'Get Group Call Record',
	action: 'Get a group call record',
	description: 'Get the record of one group or voice message call by its Voice ID: status, times, duration and cost',
};

/** GET /voice/recordGroup/{voiceId}: one record per input item. */
export const { properties, readInput, execute } = recordGetOperation('/voice/recordGroup', typeCallRecord);
