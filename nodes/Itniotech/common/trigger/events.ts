import type { IDataObject } from 'n8n-workflow';
import { PushFieldError } from '../../api/records/pushFields';
import { typeStatusReport } from '../../api/records/statusPush';
import {
	isDeliveryReport,
	isInboundMessage,
	typeSmsDeliveryReport,
	typeSmsInboundMessage,
} from '../../api/records/smsPush';
import type { PushKind } from './push';

type GetParameter = (name: string, fallback: unknown) => unknown;

/** One push the trigger can receive: its URL path, how it is read and typed, and its filters. */
export interface TriggerEvent extends PushKind {
	/** The webhook path (and with "Token in URL Path" the part before /<token>). */
	path: string;
	/** The typed item, with its dedupeKey; throws PushFieldError for a field that is not what it must be. */
	type: (raw: IDataObject) => IDataObject;
	/** The event's filters as one test of a typed item. */
	keep: (parameter: GetParameter) => (item: IDataObject) => boolean;
}

function isStatusReport(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && 'voiceId' in value;
}

/* Each trigger writes these paths into its webhook `path` expression, which n8n evaluates as text. */
export const EVENTS = {
	callStatus: {
		path: 'itniotech-status',
		one: 'a status report',
		many: 'reports',
		label: 'Report',
		shape: 'an object with a voiceId',
		isItem: isStatusReport,
		type: typeStatusReport,
		keep: (parameter: GetParameter) => {
			const types = parameter('reportTypes', []) as number[];
			const answered = parameter('answered', 'all') as string;
			return (report: IDataObject) =>
				(types.length === 0 || types.includes(report.type as number)) &&
				(answered === 'all' || (report.answered === true) === (answered === 'answered'));
		},
	},
	smsDelivery: {
		path: 'itniotech-sms-delivery',
		one: 'a delivery report',
		many: 'delivery reports',
		label: 'Report',
		shape: 'an object with a msgid and a status',
		isItem: isDeliveryReport,
		type: typeSmsDeliveryReport,
		keep: (parameter: GetParameter) => {
			const wanted = parameter('deliveryStatus', 'all') as string;
			return (report: IDataObject) => wanted === 'all' || report.status === wanted;
		},
	},
	smsInbound: {
		path: 'itniotech-sms-inbound',
		one: 'an inbound message',
		many: 'messages',
		label: 'Message',
		shape: 'an object with a mobile and a content',
		isItem: isInboundMessage,
		type: typeSmsInboundMessage,
		keep: () => () => true,
	},
} satisfies Record<string, TriggerEvent>;

export type EventName = keyof typeof EVENTS;

/**
 * Every item typed, or the refusal of the whole push at its first bad field: a sender that gets 400 can
 * fix and resend the push, while a push started in part would be hard to resend without repeats. Any
 * other failure to read an item is a refusal too, so that no push can make the node answer 500.
 */
export function typeItems(
	event: TriggerEvent,
	items: IDataObject[],
): { records: IDataObject[] } | { error: string } {
	const records: IDataObject[] = [];
	for (let index = 0; index < items.length; index++) {
		try {
			records.push(event.type(items[index]));
		} catch (error) {
			const reason =
				error instanceof PushFieldError ? error.message : `could not be read as ${event.one}`;
			return { error: `${event.label} ${index}: ${reason}` };
		}
	}
	return { records };
}
