import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { itniotechApiRequest } from '../../../api/transport/request';
import type { Run } from '../../../api/transport/run';
import { readRequestOptions, timeoutOption } from '../../../common/fields';
import type { OperationMeta } from '../../../common/operations';
import { previewValue } from '../../../common/validation';
import { CALL_UNKNOWN_OUTCOME } from '../../helpers/callReport';
import { voiceOptions } from '../../helpers/options';

export const meta: OperationMeta = {
	value: 'upload',
	name: 'Upload',
	action: 'Upload an audio file',
	description:
		'Upload an .mp3, .m4a or .wav file to play with Call → Send Audio File. Returns its File ID.',
};

const AUDIO_EXTENSIONS = ['mp3', 'm4a', 'wav'];

export const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the audio file',
		description: 'Binary field of the input item that holds the .mp3, .m4a or .wav file',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'e.g. welcome.mp3',
		description:
			'Name to store it under: 5 to 32 characters, ending in .mp3, .m4a or .wav, unique in the account',
		hint: "Leave empty to use the input file's own name",
	},
	voiceOptions([timeoutOption]),
];

/** The vendor's file name rule: 5–32 characters with an audio suffix. */
export function validateAudioFileName(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): string {
	const name = typeof value === 'string' ? value.trim() : '';
	const extension = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
	const problem =
		name.length < 5 || name.length > 32
			? 'must be 5 to 32 characters long'
			: !AUDIO_EXTENSIONS.includes(extension)
				? 'must end in .mp3, .m4a or .wav'
				: /[\\/]/.test(name) || [...name].some((char) => char.charCodeAt(0) < 32)
					? 'may not contain slashes or control characters'
					: undefined;
	if (problem === undefined) return name;
	throw new NodeOperationError(ctx.getNode(), `The File Name in item ${itemIndex} ${problem}`, {
		itemIndex,
		description: `Got ${previewValue(value)}. For example: welcome.mp3`,
	});
}

interface Input {
	binaryPropertyName: string;
	fileName: string;
	timeoutSeconds: number;
}

/** Every item's file and name are checked before the first upload. */
export const checkFirst = true;

export function readInput(this: IExecuteFunctions, itemIndex: number): Input {
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const binary = this.helpers.assertBinaryData(itemIndex, binaryPropertyName);
	const requested: unknown = this.getNodeParameter('fileName', itemIndex, '');
	const useBinaryName =
		requested === null || (typeof requested === 'string' && requested.trim() === '');
	const fileName = validateAudioFileName(
		this,
		useBinaryName ? binary.fileName : requested,
		itemIndex,
	);
	return {
		binaryPropertyName,
		fileName,
		timeoutSeconds: readRequestOptions(this, itemIndex).timeoutSeconds,
	};
}

/** POST /voice/fileUpload with the binary as base64; never repeated automatically. */
export async function execute(
	this: IExecuteFunctions,
	input: Input,
	run: Run,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { binaryPropertyName, fileName, timeoutSeconds } = input;
	const bytes = await this.helpers.getBinaryDataBuffer(itemIndex, binaryPropertyName);
	let envelope;
	try {
		envelope = await itniotechApiRequest(this, run, {
			method: 'POST',
			path: '/voice/fileUpload',
			body: { fileName, file: bytes.toString('base64') },
			itemIndex,
			timeoutSeconds,
			isSend: true,
			unknownOutcome: CALL_UNKNOWN_OUTCOME,
		});
	} catch (error) {
		throw namingTheTakenName(error, fileName);
	}
	return [{ fileId: typeof envelope.data === 'string' ? envelope.data : null, fileName }];
}

/** A -20 on an upload: the name is taken, most often by this same file uploaded in an earlier run. */
function namingTheTakenName(error: unknown, fileName: string): unknown {
	if (error instanceof NodeApiError && error.context.vendorStatus === '-20') {
		error.message = `An audio file named ${fileName} is already in the account (Itniotech error -20)`;
		error.description =
			`Upload it under another File Name, or skip Upload and pick ${fileName} From List in Send Audio File. ${error.description ?? ''}`.trim();
	}
	return error;
}
