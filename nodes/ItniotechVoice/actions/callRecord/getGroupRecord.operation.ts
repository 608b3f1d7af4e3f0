import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { itniotechApiRequest } from '../../transport/request';
import { typeCallRecord } from '../../shared/record';
import { validateVoiceId } from '../../shared/validation';
import { readTimeoutSeconds, timeoutOption } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Voice ID',
		name: 'voiceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2203031113381000002',
		description:
			'The ID Itniotech returned when the call was sent (digits only). Records are kept for two months.',
		hint: 'To look up many calls, map the ID from an earlier node with an expression such as {{ $json.voiceId }}',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Return Raw Data',
				name: 'rawData',
				type: 'boolean',
				default: false,
				description:
					"Whether to return the record exactly as Itniotech sends it (all values as text, times as sent) instead of typed numbers and ISO 8601 times",
			},
			timeoutOption,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['callRecord'], operation: ['getGroupRecord'] } },
	properties,
);

/** GET /voice/recordGroup/{voiceId}: one record per input item. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const voiceId = validateVoiceId(this.getNode(), this.getNodeParameter('voiceId', itemIndex), itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const timeoutSeconds = readTimeoutSeconds(this, itemIndex, options.timeoutSeconds);

	const envelope = await itniotechApiRequest.call(this, {
		method: 'GET',
		path: `/voice/recordGroup/${encodeURIComponent(voiceId)}`,
		itemIndex,
		timeoutSeconds,
	});
	const data = (envelope.data ?? {}) as IDataObject;
	return [options.rawData === true ? data : typeCallRecord(data)];
}
