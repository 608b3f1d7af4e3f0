import type { AddressRange } from './allowList';
import { parseAllowList } from './allowList';

/** The README and the Token field promise at least this many characters; a shorter token is refused. */
export const MIN_TOKEN_LENGTH = 16;

export type Authentication = 'none' | 'queryToken' | 'pathToken';

/** The trigger's protection as its parameters set it, checked. */
export interface TriggerSetup {
	authentication: Authentication;
	token: string;
	/** Undefined when the list is empty: every source is accepted. */
	allowedRanges: AddressRange[] | undefined;
}

type GetParameter = (name: string, fallback: unknown) => unknown;

/**
 * Reads and checks the protection parameters. The same check runs when the workflow is activated (so a
 * mistake is shown in n8n at once) and for every push (so a trigger that was activated anyway fails closed).
 */
export function readSetup(
	parameter: GetParameter,
): { setup: TriggerSetup } | { problem: string; hint: string } {
	const authentication = String(parameter('authentication', 'none')) as Authentication;
	const token = authentication === 'none' ? '' : String(parameter('token', '') ?? '');
	if (authentication !== 'none' && token.length < MIN_TOKEN_LENGTH) {
		return {
			problem: `The Token must be at least ${MIN_TOKEN_LENGTH} characters long (it has ${token.length})`,
			hint: 'Use a long random secret, e.g. from a password generator, and put the same token in the push URL.',
		};
	}
	const list = parseAllowList(String(parameter('options.allowedIps', '') ?? ''));
	if ('invalid' in list) {
		const entries = list.invalid
			.map((entry) => `"${entry.length > 60 ? `${entry.slice(0, 60)}…` : entry}"`)
			.join(', ');
		return {
			problem: `Allowed Source IPs: ${entries} ${list.invalid.length === 1 ? 'is not an IP address or range' : 'are not IP addresses or ranges'}`,
			hint: 'Write addresses or CIDR ranges separated by commas, e.g. 203.0.113.10, 198.51.100.0/24, 2001:db8::/32.',
		};
	}
	// Nothing but separators is an empty list, as the field's description promises: any source.
	return {
		setup: {
			authentication,
			token,
			allowedRanges: list.ranges.length === 0 ? undefined : list.ranges,
		},
	};
}
