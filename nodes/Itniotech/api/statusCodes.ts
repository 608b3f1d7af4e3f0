/**
 * The vendor's `status` codes, each with what it means and what the user should do about it.
 * This is the only table of them: the transport, the credential test and the docs all read it.
 */
export interface VendorStatusInfo {
	/** What went wrong, in words a no-code user understands. */
	meaning: string;
	/** What the user should do next. */
	action: string;
	/** True when the same request may succeed if simply sent again later. */
	transient?: boolean;
}

export const VENDOR_STATUS: Readonly<Record<string, VendorStatusInfo>> = {
	'-1': {
		meaning: 'Authentication failed: the API key or API secret is wrong',
		action:
			'Open the Itniotech credential in n8n and paste the API Key and API Secret again, exactly as the Itniotech console shows them (no spaces).',
	},
	'-2': {
		meaning: "This n8n server's IP address is not on the account's IP allow-list",
		action:
			"Add this n8n host's public IP address to the IP allow-list in the Itniotech console (or remove the allow-list), then try again.",
	},
	'-10': {
		meaning: 'The account balance is too low',
		action: 'Top up the Itniotech account, then send again.',
	},
	'-13': {
		meaning: 'The Itniotech account is locked',
		action: 'Contact Itniotech support to unlock the account; requests fail until then.',
	},
	'-16': {
		meaning: "Timestamp expired: this machine's clock is off",
		action:
			"Set the clock of the machine running n8n to the correct time (enable NTP time sync). Itniotech rejects requests whose time differs from its own by more than about 30 minutes.",
	},
	'-18': {
		meaning: 'Itniotech had a temporary system error',
		action: 'Try again in a few minutes. If it keeps happening, contact Itniotech support.',
		transient: true,
	},
	'-20': {
		meaning: 'That data already exists (for example, an audio file with this name)',
		action: 'Use a different, unique file name.',
	},
	'-21': {
		meaning: 'Itniotech rejected the data as invalid',
		action: 'Check the file: it must be an .mp3, .m4a or .wav audio file with a matching name.',
	},
	'-22': {
		meaning: 'Itniotech rejected a parameter',
		action:
			'Check the values in this node. A Voice ID must be one Itniotech returned for a call made in the last two months.',
	},
	'-26': {
		meaning: 'Itniotech has no rate for this destination',
		action:
			'Check the number starts with a country code and that your account may call that country; contact Itniotech support to enable it.',
	},
};

/** The meaning and action for a status, with a generic fallback for codes the reference does not list. */
export function describeVendorStatus(status: string): VendorStatusInfo {
	return (
		VENDOR_STATUS[status] ?? {
			meaning: `Itniotech refused the request (status ${status})`,
			action: "Check the values in this node; Itniotech's reason is shown below.",
		}
	);
}
