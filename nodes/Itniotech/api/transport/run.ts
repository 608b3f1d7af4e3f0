import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';
import { ITNIOTECH_CREDENTIAL_TYPE } from '../platform';
import type { HostClock } from './clock';
import { HOST_CLOCK } from './clock';
import type { RequestLimits } from './requestLimiter';
import { RequestLimiter } from './requestLimiter';

/**
 * What one node run needs for its requests, created once by the runner and handed to every operation and
 * request: the request limiter, the credential read once, and this host's clock.
 */
export interface Run {
	limiter: RequestLimiter;
	/**
	 * The credential's data, read on first use and kept for the run: in real n8n each read is a database
	 * query and a decryption, which made 1,000 look-ups slower than the HTTP Request node. A failed read is
	 * not kept, so the next request reads again.
	 */
	credentials(itemIndex: number): Promise<ICredentialDataDecryptedObject>;
	clock: HostClock;
	/**
	 * This host's time when the run started, read before any parameter: n8n evaluates `$now` when a
	 * parameter is read, so a From such as `$now.minus({ months: 2 })` is never earlier than the limit
	 * computed from this reading, and every item is checked against the same limit.
	 */
	startedMs: number;
}

export function createRun(
	ctx: Pick<IExecuteFunctions, 'getCredentials'>,
	limits?: RequestLimits,
	clock: HostClock = HOST_CLOCK,
): Run {
	let pending: Promise<ICredentialDataDecryptedObject> | undefined;
	return {
		limiter: new RequestLimiter(limits),
		clock,
		startedMs: clock.now(),
		async credentials(itemIndex: number) {
			pending ??= ctx
				.getCredentials(ITNIOTECH_CREDENTIAL_TYPE, itemIndex)
				.catch((error: unknown) => {
					pending = undefined;
					throw error;
				});
			return await pending;
		},
	};
}
