import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * The vendor layer's knowledge of the platform's brands: where each one's API lives, how it lays out its
 * paths, and the limits that differ between them. Every Itniotech node and the credential read it from here;
 * it imports nothing from them, and nothing at run time at all (the credential loads it on its own). Source:
 * the vendor's SMS API reference, "Brands, base URLs and paths" and "Corrections and brand differences".
 */

/** The credential type every Itniotech node signs its requests with. */
export const ITNIOTECH_CREDENTIAL_TYPE = 'itniotechApi';

export type PlatformId = 'itniotech' | 'onbuka' | 'other';

/**
 * How a brand names its endpoints below its root. Operations name logical paths (`/sms/getBalance`,
 * `/voice/sendCode`); `itniotech` keeps them, `onbuka` drops the `/sms` segment (`/getBalance`) and keeps
 * `/voice/…`.
 */
export type PathLayout = 'itniotech' | 'onbuka';

export interface PlatformLimits {
	/** Callees in one sendGroup request (longer lists go out in chunks of this size). */
	maxCalleesPerRequest: number;
	/** The sendCode loopCount the brand accepts. */
	sendCodeLoopCount: { min: number; max: number };
}

interface PlatformInfo {
	/** How messages name the platform. */
	name: string;
	/** The API root used when the credential's Base URL is empty; other brands must enter theirs. */
	defaultRoot?: string;
	/** Fixed for known brands; other brands choose theirs in the credential. */
	layout?: PathLayout;
	limits: PlatformLimits;
}

export const ITNIOTECH_ROOT = 'https://api.itniotech.com';
export const ONBUKA_ROOT = 'https://api.onbuka.com/v3';

/**
 * Itniotech documents 200 callees and loop counts 1–9; Onbuka 1000 callees and 1–3. Other brands get the
 * values every brand accepts (200 and 1–3): their pages were not checked, and the path layout says nothing
 * about limits (the Onbuka-layout SDK itself documents 200 callees).
 */
export const PLATFORMS: Readonly<Record<PlatformId, PlatformInfo>> = {
	itniotech: {
		name: 'Itniotech',
		defaultRoot: ITNIOTECH_ROOT,
		layout: 'itniotech',
		limits: { maxCalleesPerRequest: 200, sendCodeLoopCount: { min: 1, max: 9 } },
	},
	onbuka: {
		name: 'Onbuka',
		defaultRoot: ONBUKA_ROOT,
		layout: 'onbuka',
		limits: { maxCalleesPerRequest: 1000, sendCodeLoopCount: { min: 1, max: 3 } },
	},
	other: {
		name: 'another brand of the platform',
		limits: { maxCalleesPerRequest: 200, sendCodeLoopCount: { min: 1, max: 3 } },
	},
};

const LAYOUTS: readonly PathLayout[] = ['itniotech', 'onbuka'];
const DEFAULT_OTHER_LAYOUT: PathLayout = 'onbuka';

/** What a credential says about the platform, without its address: enough for limits and paths. */
export interface PlatformIdentity {
	id: PlatformId;
	name: string;
	layout: PathLayout;
	limits: PlatformLimits;
}

export interface Platform extends PlatformIdentity {
	/** The API root without trailing slashes; paths in the platform's layout are appended to it. */
	root: string;
}

function choice<T extends string>(
	raw: unknown,
	allowed: readonly T[],
	fallback: T,
	field: string,
): T {
	if (raw === undefined || raw === null || raw === '') return fallback;
	if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
	throw new Error(
		`The ${field} "${String(raw).slice(0, 40)}" in the Itniotech credential is not one of: ${allowed.join(', ')}. Open the credential and pick one from the list.`,
	);
}

/** Platform and path layout from the credential; a missing Platform means Itniotech (the field's default). */
export function platformIdentity(credentials: ICredentialDataDecryptedObject): PlatformIdentity {
	const id = choice(
		credentials.platform,
		Object.keys(PLATFORMS) as PlatformId[],
		'itniotech',
		'Platform',
	);
	const info = PLATFORMS[id];
	const layout =
		info.layout ?? choice(credentials.pathLayout, LAYOUTS, DEFAULT_OTHER_LAYOUT, 'Path Layout');
	return { id, name: info.name, layout, limits: info.limits };
}

/** 127.0.0.0/8, ::1 and localhost: the only hosts plain http may be used for (a local test server). */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * A Base URL without trailing slashes, or an error naming the field and what is allowed. Requests carry a
 * signature that works for every endpoint for about 30 minutes, so it must travel encrypted to the host
 * written here and nowhere else: https only (plain http for this machine alone), and no user name,
 * password, query or fragment that could change where it goes or what it means.
 */
export function normalizeBaseUrl(
	raw: unknown,
	fallback: string = ITNIOTECH_ROOT,
	example: string = fallback,
): string {
	const text = typeof raw === 'string' ? raw.trim() : '';
	const value = text === '' ? fallback : text.replace(/\/+$/, '');
	const refuse = (why: string): never => {
		throw new Error(
			`The Base URL "${value.slice(0, 100)}" in the Itniotech credential ${why}, for example ${example}`,
		);
	};
	let url: URL | undefined;
	try {
		url = new URL(value);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) {
		return refuse('is not valid: it must start with https://');
	}
	if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
		return refuse(
			'must start with https:// (plain http:// is allowed only for this machine, e.g. 127.0.0.1)',
		);
	}
	if (url.username !== '' || url.password !== '' || value.includes('@')) {
		// Not repeated back: what stands before the @ may be a password.
		throw new Error(
			`The Base URL in the Itniotech credential must not contain a user name or password (user@): enter the API address alone, for example ${example}`,
		);
	}
	if (url.search !== '' || url.hash !== '' || /[?#]/.test(value)) {
		return refuse('must not contain ? or #: enter the API address alone');
	}
	return value;
}

/** The whole platform a credential points at; throws a message naming the field when it is unusable. */
export function resolvePlatform(credentials: ICredentialDataDecryptedObject): Platform {
	const identity = platformIdentity(credentials);
	const fallback = PLATFORMS[identity.id].defaultRoot;
	const raw = credentials.baseUrl;
	if (fallback === undefined && (typeof raw !== 'string' || raw.trim() === '')) {
		throw new Error(
			'The Base URL in the Itniotech credential is empty: with Platform "Other Brand" enter the API address from the brand\'s documentation, for example https://api.example.com/v3',
		);
	}
	// Other brands are shown an example of their own kind, not Itniotech's address.
	const example = fallback ?? 'https://api.example.com/v3';
	return { ...identity, root: normalizeBaseUrl(raw, fallback ?? ITNIOTECH_ROOT, example) };
}

/**
 * The OTP (one-time code) endpoints, as logical paths. OTP keeps its `/otp` segment on both layouts (like
 * `/voice`): Itniotech `https://api.itniotech.com/otp/<op>`, Onbuka `https://api.onbuka.com/v3/otp/<op>`,
 * and another brand's root + `/otp/<op>` whichever Path Layout it has. Source: the vendor's OTP pages and SDK.
 */
export const OTP_PATHS = {
	send: '/otp/verification/send',
	sendOwnCode: '/otp/verification/sendRule',
	resend: '/otp/verification/resend',
	check: '/otp/verification/verify',
	byReference: '/otp/verification/orderId/record',
	templates: '/otp/template/list',
	flows: '/otp/flow/list',
	/** GET, the verification ID URL-encoded into the path. */
	record: (verificationId: string): string =>
		`/otp/verification/record/${encodeURIComponent(verificationId)}`,
} as const;

/**
 * The voice group-call task (campaign) endpoints, as logical paths: `/voice/…` on both layouts (Itniotech
 * `https://api.itniotech.com/voice/group/call/<op>`, Onbuka `https://api.onbuka.com/v3/voice/group/call/<op>`).
 * They answer `{code, msg, data}`, which the transport reads like `{status, reason, data}`. Onbuka's suspend
 * path is inferred from the layout rule (no Onbuka page was seen).
 */
export const TASK_PATHS = {
	create: '/voice/group/call/send',
	list: '/voice/group/call/query',
	update: '/voice/group/call/update',
	redial: '/voice/group/call/resend',
	suspend: '/voice/group/call/provisional',
	/** GET, the task's jobId URL-encoded into the path. */
	detail: (taskId: string): string => `/voice/group/call/detail/${encodeURIComponent(taskId)}`,
} as const;

/** The SIP phone endpoints (and the call from one), as logical paths: `/voice/<op>` on both layouts. */
export const SIP_PATHS = {
	create: '/voice/sipAdd',
	list: '/voice/sipQuery',
	resetPassword: '/voice/sipReset',
	call: '/voice/sendSip',
} as const;

/** Whether a logical path is an OTP endpoint (its status codes are read per product: statusCodes.ts). */
export function isOtpPath(logicalPath: string): boolean {
	return logicalPath.startsWith('/otp/');
}

/**
 * A logical path (`/sms/<op>`, `/voice/<op>`, `/otp/<op>`) in the given layout: only the `/sms` segment
 * depends on it (Onbuka drops it); `/voice/…` and `/otp/…` are the same on both. Anything else is left as it is.
 */
export function layoutPath(layout: PathLayout, logicalPath: string): string {
	return layout === 'onbuka' ? logicalPath.replace(/^\/sms(?=\/)/, '') : logicalPath;
}

/** The limits of the credential's platform, plus its name for messages. */
export function platformLimits(
	credentials: ICredentialDataDecryptedObject,
): PlatformLimits & { platformName: string } {
	const { name, limits } = platformIdentity(credentials);
	return { ...limits, platformName: name };
}
