import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { typeSipRecord } from '../../../api/records/record';
import type { OperationMeta } from '../../../common/operations';
import { executeRecordGet, recordGetFields } from '../../helpers/recordLookup';

export const meta: OperationMeta = {
	value: 'get',
	name: 'Get SIP Call Record',
	action: 'Get a SIP call record',
	description: 'Get the record of one SIP phone call by its Voice ID',
};

export const properties = recordGetFields();

/** GET /voice/recordSip/{voiceId}. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await executeRecordGet(this, itemIndex, '/voice/recordSip', typeSipRecord);
}
