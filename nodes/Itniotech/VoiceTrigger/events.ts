import type { IDataObject } from 'n8n-workflow';
import { typeStatusReport, wasAnswered } from '../api/records/statusPush';
import { isDeliveryReport, isInboundMessage, typeSmsDeliveryReport, typeSmsInboundMessage } from '../api/records/smsPush';
import type { PushKind } from './push';

type GetParameter = (name: string, fallback: unknown) => unknown;

/** One push the trigger can receive: its URL path, how it is read and typed, and its filters. */
export interface TriggerEvent extends PushKind {
	/** The webhook path (and with "Token in URL Path" the part before /<token>). */
	path: string;
	type: (raw: IDataObject) => IDataObject;
	/** The event's filters as one test of a typed item. */
	keep: (parameter: GetParameter) => (item: IDataObject) => boolean;
}

function isStatusReport(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && 'voiceId' in value;
}

/*
 * The paths must also be written out in the webhook description's `path` expression (n8n evaluates that
 * without this module); a unit test holds the two together.
 */
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
				(answered === 'all' || wasAnswered(report) === (answered === 'answered'));
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

export function eventOf(value: unknown): TriggerEvent {
	return typeof value === 'string' && value in EVENTS ? EVENTS[value as EventName] : EVENTS.callStatus;
}
