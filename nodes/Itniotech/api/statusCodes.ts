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
	'-3': {
		meaning: 'The SMS content contains blocked or sensitive words',
		action:
			'Change the wording of the message (remove the words Itniotech blocks), or ask Itniotech support which words are blocked.',
	},
	'-4': {
		meaning: 'The SMS content is empty',
		action: 'Fill in the Content field (for example map it from a column of the input).',
	},
	'-5': {
		meaning: 'The SMS content is too long',
		action: 'Shorten the Content to at most 1024 characters.',
	},
	'-6': {
		meaning: 'The SMS content does not match an approved template',
		action:
			'Use the exact wording of a template approved for this SMS app in the Itniotech console, or have the new wording approved first.',
	},
	'-7': {
		meaning: 'Too many numbers in one request',
		action:
			'Send at most 1000 numbers per request; this node splits longer lists by itself, so report this to the node maintainers if you see it.',
	},
	'-8': {
		meaning: 'No phone numbers were given',
		action:
			'Fill in the Numbers field with at least one number, country code first (e.g. 6281234567890).',
	},
	'-9': {
		meaning: 'The phone numbers are not valid',
		action:
			'Check the numbers: digits only, country code first (e.g. 6281234567890), separated by commas.',
	},
	'-10': {
		meaning: 'The account balance is too low',
		action: 'Top up the Itniotech account, then send again.',
	},
	'-11': {
		meaning: 'A time value is badly formatted',
		action:
			'Check the From and To dates of this node (ISO 8601 with an offset, e.g. 2026-03-05T09:00:00+08:00).',
	},
	'-12': {
		meaning: 'The bulk submission failed on the Itniotech side',
		action:
			'Contact Itniotech support. Before sending again, check with Itniotech SMS → Message → Get Many Sent which messages went out.',
	},
	'-13': {
		meaning: 'The Itniotech account is locked',
		action: 'Contact Itniotech support to unlock the account; requests fail until then.',
	},
	'-14': {
		meaning: 'A field is empty or a message ID is not valid',
		action:
			'Check the Message IDs: use the msgId values Send or Send Personalized returned, separated by commas.',
	},
	'-15': {
		meaning: 'Queried too often: Itniotech limits how fast queries may come',
		action: 'Wait a moment and run again, or lower Options → Max Requests per Second in this node.',
		transient: true,
	},
	'-16': {
		meaning: "Timestamp expired: this machine's clock is off",
		action:
			"Set the clock of the machine running n8n to the correct time (enable NTP time sync). Itniotech rejects requests whose time differs from its own by more than about 30 minutes. (Some of Itniotech's SMS search pages use this code for a time range outside what may be searched: then check From and To.)",
	},
	'-17': {
		meaning: 'The SMS template is empty',
		action:
			'Set up an SMS template for this app in the Itniotech console, or ask Itniotech support.',
	},
	'-18': {
		meaning: 'Itniotech had a temporary system error',
		action: 'Try again in a few minutes. If it keeps happening, contact Itniotech support.',
		transient: true,
	},
	'-19': {
		meaning: 'No SMS channel or price is set up for this destination',
		action:
			'Contact your Itniotech account manager to bind a channel and confirm SMS pricing for this country.',
	},
	'-20': {
		meaning:
			'That data already exists (for example, an audio file, campaign or SIP group with this name)',
		action: 'Use a different, unique name (audio file name, campaign name or SIP group name).',
	},
	'-21': {
		meaning: 'Itniotech rejected the data as invalid',
		action: 'Check the file: it must be an .mp3, .m4a or .wav audio file with a matching name.',
	},
	'-22': {
		meaning: 'Itniotech rejected a parameter',
		action:
			'Check the values in this node: a Voice ID must be one Itniotech returned for a call made in the last two months, a search range must lie within what Itniotech keeps, and an SMS App ID must be an SMS app of this account.',
	},
	'-23': {
		meaning: 'A data limit was reached',
		action: 'Ask Itniotech support which limit applies to the account, or send less at once.',
	},
	'-24': {
		meaning: 'The data does not exist',
		action: 'Check the IDs in this node (for example the App ID) against the Itniotech console.',
	},
	'-25': {
		meaning: 'The time is outside the range Itniotech allows',
		action:
			'Move From and To into the allowed range; the node says which dates that is when it checks them itself.',
	},
	'-26': {
		meaning: 'Itniotech has no rate for this destination',
		action:
			'Check the number starts with a country code and that your account may call that country; contact Itniotech support to enable it.',
	},
	'-27': {
		meaning: 'The send limit for this period was reached',
		action:
			'Wait until the period ends (or ask Itniotech to raise the limit), then send the remaining messages.',
	},
	'-28': {
		meaning: 'The send limit for this phone number and period was reached',
		action:
			'Wait before sending to this number again, or ask Itniotech support to raise the per-number limit.',
	},
	'-29': {
		// The OTP endpoints read -29 as blocked words (OTP_STATUS).
		meaning: 'The workspace is disabled',
		action: 'Contact Itniotech support to enable the workspace.',
	},
	'-30': {
		meaning: 'The API key is disabled',
		action:
			'Enable the API key in the Itniotech console, or create a new one and enter it in the credential.',
	},
	'-31': {
		meaning: "This n8n server's IP address is not on the allow-list",
		action:
			"Add this n8n host's public IP address to the allow-list in the Itniotech console, then try again.",
	},
	'-54': {
		meaning:
			'The campaign is wrong: Itniotech knows no campaign with this ID, or its state does not allow this',
		action:
			'Check the Campaign ID with Campaign → Get Many; a finished or cancelled campaign cannot be suspended.',
	},
	'-32': {
		meaning: 'The API key has no access to this app',
		action: 'Check the App ID, or give the API key access to that app in the Itniotech console.',
	},
};

/**
 * Where the OTP (one-time code) endpoints give a code another meaning or need other advice. The OTP send
 * pages read -27/-28 as the OTP app's own send limits and -29 as blocked words (the SMS table's -29 is
 * "workspace disabled"), so a code is read per product. -27/-28 are not temporary in the retry sense: the
 * same number stays blocked until the app's period has passed.
 */
export const OTP_STATUS: Readonly<Record<string, VendorStatusInfo>> = {
	'-10': {
		meaning: 'The account balance is too low to send the code',
		action: 'Top up the Itniotech account, then send the code again.',
	},
	'-20': {
		meaning: 'That data already exists (for example, the Reference was used before)',
		action: 'Use a Reference (order ID) that was never used before, or leave Reference empty.',
	},
	'-22': {
		meaning: 'Itniotech rejected a parameter',
		action:
			'Check the values in this node: the Verification ID must be one Itniotech returned, the template and flow must belong to this account, and the OTP App ID must be an OTP app (not an SMS app).',
	},
	'-26': {
		meaning: 'Itniotech has no price for this destination',
		action:
			'Check that the number starts with a country code and that the account may send codes to that country; contact Itniotech support to enable it.',
	},
	'-27': {
		meaning: "The OTP app's send limit for this period was reached",
		action:
			"Wait until the OTP app's period has passed, or raise or turn off the period total send limit of the OTP app in the console, then send again.",
	},
	'-28': {
		meaning: "The OTP app's send limit for this phone number and period was reached",
		action:
			"Wait before sending a code to this number again, or raise the OTP app's per-number send limit in the console.",
	},
	'-29': {
		meaning: 'The text of the code message contains blocked words',
		action:
			"Reword the template's text in the Itniotech console (remove the words Itniotech blocks), or pick another template.",
	},
};

/**
 * The meaning and action for a status, with a generic fallback for codes the reference does not list.
 * `logicalPath` (the request's `/otp/…`, `/sms/…` path) picks the product's reading where it differs.
 */
export function describeVendorStatus(status: string, logicalPath?: string): VendorStatusInfo {
	const otp = logicalPath !== undefined && logicalPath.startsWith('/otp/');
	return (
		(otp ? OTP_STATUS[status] : undefined) ??
		VENDOR_STATUS[status] ?? {
			meaning: `Itniotech refused the request (status ${status})`,
			action: "Check the values in this node; Itniotech's reason is shown below.",
		}
	);
}
