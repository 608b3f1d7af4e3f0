import type {
	IDataObject,
	IHookFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { isAllowedSource } from './allowList';
import { readJsonBody } from './body';
import type { TriggerEvent } from './events';
import { typeItems } from './events';
import { parsePush, tokensMatch } from './push';
import { readSetup } from './setup';

/** Throws what is wrong with the trigger's protection, so that n8n refuses to activate it and says why. */
function assertSetup(context: IHookFunctions): void {
	const checked = readSetup((name, fallback) => context.getNodeParameter(name, fallback));
	if ('problem' in checked)
		throw new NodeOperationError(context.getNode(), checked.problem, { description: checked.hint });
}

/**
 * Itniotech has no API to register a push URL: the user (or Itniotech staff) set it once at the vendor. So
 * there is nothing to create or delete remotely; activating only checks the protection settings.
 */
export const pushWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			assertSetup(this);
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			assertSetup(this);
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};

/**
 * One push of `event`: the source, then the token, then the body, each refused with a 4xx and a reason.
 * Answers 200 { received, accepted } and starts the workflow with the items that pass the event's filters.
 */
export function receivePush(context: IWebhookFunctions, event: TriggerEvent): IWebhookResponseData {
	const req = context.getRequestObject();
	const res = context.getResponseObject();
	const reply = (status: number, body: IDataObject): IWebhookResponseData => {
		res.status(status).json(body);
		return { noWebhookResponse: true };
	};
	const parameter = (name: string, fallback: unknown) => context.getNodeParameter(name, fallback);

	// Checked again here, so a trigger activated despite a bad setup fails closed.
	const checked = readSetup(parameter);
	if ('problem' in checked) {
		return reply(403, {
			error:
				'This trigger is not set up correctly, so it accepts no pushes: open its workflow in n8n to see why',
		});
	}
	const { setup } = checked;
	// The source first: a client outside the list learns nothing about the token.
	if (
		setup.allowedRanges &&
		!isAllowedSource(setup.allowedRanges, req.ip ?? req.socket?.remoteAddress)
	) {
		return reply(403, { error: 'This source IP address is not allowed' });
	}
	if (setup.authentication !== 'none') {
		const source = (
			setup.authentication === 'queryToken' ? context.getQueryData() : context.getParamsData()
		) as IDataObject;
		if (!tokensMatch(setup.token, source.token))
			return reply(401, { error: 'Missing or wrong token' });
	}

	const read = readJsonBody(
		req.headers['content-type'],
		(req as { rawBody?: unknown }).rawBody,
		context.getBodyData(),
	);
	if ('error' in read) return reply(400, { error: read.error });
	const parsed = parsePush(read.body, event);
	if ('error' in parsed) return reply(400, { error: parsed.error });
	const typing = typeItems(event, parsed.items);
	if ('error' in typing) return reply(400, { error: typing.error });

	const items = typing.records.filter(event.keep(parameter)).map((json) => ({ json }));
	res.status(200).json({ received: parsed.items.length, accepted: items.length });
	if (items.length === 0) return { noWebhookResponse: true };
	return { noWebhookResponse: true, workflowData: [items] };
}
