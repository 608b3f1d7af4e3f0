import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { OTP_PATHS } from '../../api/platform';
import { listEntries } from '../../api/records/otp';
import { text } from '../../api/records/values';
import { itniotechApiRequest } from '../../api/transport/request';
import { createRun } from '../../api/transport/run';

/**
 * The OTP app the node sends with: Options → App ID when set, else the credential's OTP App ID; undefined
 * when neither is (the list then shows every app's templates).
 */
async function chosenAppId(ctx: ILoadOptionsFunctions): Promise<string | undefined> {
	const options = ctx.getCurrentNodeParameter('options') as IDataObject | undefined;
	const override = text(options?.appId)?.trim();
	if (override) return override;
	const credentials = await ctx.getCredentials('itniotechApi');
	return text(credentials.otpAppId)?.trim() || undefined;
}

async function listOf(
	ctx: ILoadOptionsFunctions,
	path: string,
	idField: string,
): Promise<IDataObject[]> {
	const envelope = await itniotechApiRequest(ctx, createRun(ctx), {
		method: 'GET',
		path,
		itemIndex: 0,
	});
	return listEntries(envelope.data, idField);
}

function matches(filter: string | undefined, ...texts: Array<string | null>): boolean {
	const wanted = (filter ?? '').trim().toLowerCase();
	return wanted === '' || texts.some((t) => t !== null && t.toLowerCase().includes(wanted));
}

/**
 * Send Code → Template → From List: the account's OTP templates by name (GET /otp/template/list, all at
 * once). The list spans every OTP app, so only the chosen app's templates are shown when one is set.
 */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const appId = await chosenAppId(this);
	const results: INodeListSearchItems[] = [];
	for (const template of await listOf(this, OTP_PATHS.templates, 'templateId')) {
		const id = text(template.templateId);
		if (id === null) continue;
		if (appId !== undefined && text(template.appId) !== null && text(template.appId) !== appId)
			continue;
		const name = text(template.name) ?? `Template ${id}`;
		if (matches(filter, name, id, text(template.text)))
			results.push({ name, value: id, description: text(template.text) ?? undefined });
	}
	return { results };
}

/** Send Code → Fallback Flow → From List: the account's task flows by name (GET /otp/flow/list). */
export async function searchFlows(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const results: INodeListSearchItems[] = [];
	for (const flow of await listOf(this, OTP_PATHS.flows, 'flowId')) {
		const id = text(flow.flowId);
		if (id === null) continue;
		const name = text(flow.name) ?? `Flow ${id}`;
		if (matches(filter, name, id)) results.push({ name, value: id });
	}
	return { results };
}
