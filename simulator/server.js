'use strict';
/**
 * A local stand-in for the Itniotech API: a real HTTP server on 127.0.0.1 that checks Api-Key, Timestamp
 * and Sign the way the vendor does (md5(apiKey + apiSecret + Timestamp), ±30 minutes), answers in the
 * vendor's envelope, and can be told to fail: any vendor status, HTTP errors, HTML pages, broken JSON,
 * resets and hangs. Every request is logged so tests can see what was sent (and how often); a benchmark
 * passes keepRequests: false, so only requestCount grows.
 */
const http = require('node:http');
const { createHash } = require('node:crypto');
const {
	DEMO,
	EXAMPLE_RECORD,
	UNANSWERED_RECORD,
	syntheticRecord,
	placedCallRecord,
	demoHistory,
} = require('./records');
const { handleSms, resetSms, smsState } = require('./sms');
const { handleOtp, otpState, resetOtp } = require('./otp');
const { isControlRequest, handleControl } = require('./control');
const {
	addSipPhones,
	handleTasks,
	handleSip,
	isTaskPath,
	resetTasks,
	taskState,
	TASK_REASONS,
} = require('./tasks');
const { progressOf, placeCall, progressRecord, progressRecords } = require('./progress');

async function readBody(req) {
	const chunks = [];
	for await (const chunk of req) chunks.push(chunk);
	return Buffer.concat(chunks).toString('utf8');
}

const TIMESTAMP_WINDOW_SECONDS = 30 * 60;
const STATUS_REASONS = {
	'-1': 'authentication failed',
	'-2': 'IP address not allowed',
	'-10': 'balance insufficient',
	'-13': 'user locked',
	'-16': 'timestamp expired',
	'-18': 'system error',
	'-20': 'data already exists',
	'-21': 'data validation failed',
	'-22': 'parameter error',
	'-24': 'data does not exist',
	'-26': 'failed to get rate',
	...TASK_REASONS,
};

/**
 * The vendor's two path layouts (reference: "Brands, base URLs and paths"), served strictly: Itniotech
 * `/sms/<op>`, `/voice/<op>` and `/otp/<op>`; Onbuka `/v3/<op>`, `/v3/voice/<op>` and `/v3/otp/<op>`. Anything else, such as
 * `/v3/sms/getBalance` or a bare `/getBalance`, is 404. Each layout has its brand's limits.
 */
const LAYOUTS = {
	itniotech: { maxCalleesPerRequest: 200, maxSendCodeLoopCount: 9 },
	onbuka: { maxCalleesPerRequest: 1000, maxSendCodeLoopCount: 3 },
};

/** A request path → its layout and the logical path (`/sms/<op>`, `/voice/<op>`, `/otp/<op>`), or undefined (404). */
function resolveLayout(rawPath) {
	const onbuka = /^\/v3(?=\/)/.test(rawPath);
	const rest = onbuka ? rawPath.slice(3) : rawPath;
	const layout = onbuka ? 'onbuka' : 'itniotech';
	if (rest.startsWith('/voice/') || rest.startsWith('/otp/')) return { layout, path: rest };
	if (onbuka) return rest.startsWith('/sms/') ? undefined : { layout, path: `/sms${rest}` };
	return rest.startsWith('/sms/') ? { layout, path: rest } : undefined;
}

function md5(text) {
	return createHash('md5').update(text, 'utf8').digest('hex');
}

/** Called with every request any simulator logs (see ItniotechSimulator.observe). */
const observers = new Set();

class ItniotechSimulator {
	/**
	 * Registers `observer(entry)` for every request any simulator receives, with the entry its `requests` log
	 * holds (method, path, headers, body); returns the function that removes it. The test suite records
	 * each Sign this way for its secret scan.
	 */
	static observe(observer) {
		observers.add(observer);
		return () => observers.delete(observer);
	}

	/**
	 * @param {object} [options]
	 * @param {Record<string,string>} [options.accounts] apiKey → apiSecret
	 * @param {number} [options.latencyMs] delay before every answer
	 * @param {() => number} [options.now] the server's clock in ms (tests move it to provoke -16)
	 * @param {boolean} [options.keepRequests] false: no request log, only requestCount (benchmarks)
	 * @param {boolean} [options.inclusiveStart] searches include a record at exactly strTime (default true)
	 * @param {boolean} [options.inclusiveEnd] searches include a record at exactly endTime (default false)
	 * @param {boolean} [options.newestFirst] search pages run newest first (default true) or oldest first
	 * @param {boolean} [options.statusAsNumber] the envelope's `status` as a number (0, -22) instead of a string
	 * @param {boolean} [options.recordPlacedCalls] placed calls become records that Get and the search return
	 * @param {boolean} [options.getFromHistory] Get answers with the search history's record of that voice ID
	 *   (one record per ID, as the vendor keeps it); without it Get knows only `records` and synthetic ones
	 * @param {Record<string, boolean>} [options.answeredCallees] callee → whether its placed calls are answered
	 * @param {Iterable<string>} [options.refusedCallees] well-formed numbers that calls are refused for (-26)
	 * @param {object} [options.progress] placed calls and sent messages move on over time (progress.js)
	 */
	constructor(options = {}) {
		this.accounts = { ...(options.accounts ?? { testKey: 'testSecret' }) };
		this.latencyMs = options.latencyMs ?? 0;
		this.now = options.now ?? (() => Date.now());
		/**
		 * Readings the vendor reference leaves open; tests may also set these properties directly, and reset()
		 * restores the constructor's choice.
		 */
		this.defaultReadings = {
			inclusiveStart: options.inclusiveStart ?? true,
			inclusiveEnd: options.inclusiveEnd ?? false,
			newestFirst: options.newestFirst ?? true,
			statusAsNumber: options.statusAsNumber ?? false,
		};
		Object.assign(this, this.defaultReadings);
		/** @type {Map<string, object>} */
		this.records = new Map([
			[EXAMPLE_RECORD.voiceId, EXAMPLE_RECORD],
			[UNANSWERED_RECORD.voiceId, UNANSWERED_RECORD],
		]);
		this.blockedKeys = new Set(); // -2: the account has an IP allow-list without this client
		this.lockedKeys = new Set(); // -13
		this.balance = { balance: '125.50', gift: '0', credit: '10' };
		this.recordPlacedCalls = options.recordPlacedCalls ?? false;
		this.getFromHistory = options.getFromHistory ?? false;
		this.answeredCallees = { ...options.answeredCallees };
		this.refusedCallees = new Set(options.refusedCallees ?? []);
		this.defaultProgress = options.progress;
		this.setProgress(options.progress);
		/** Records searchable by time (recordGroupQuery / recordSipQuery); tests fill them. */
		this.groupHistory = [];
		this.sipHistory = [];
		/** What the send endpoints accepted, in order: tests count these to prove nothing was sent twice. */
		this.sent = [];
		this.files = new Map(); // fileName → fileId
		this.nextVoiceId = 3000000000000000000n;
		/** @type {Array<object>} queued faults, each consumed by the next request it matches */
		this.faults = [];
		/** @type {Array<object>} */
		this.requests = [];
		this.keepRequests = options.keepRequests ?? true;
		this.requestCount = 0;
		/** Requests being handled now, and the most at once since the last reset (concurrency tests). */
		this.inFlight = 0;
		this.maxInFlight = 0;
		this.sockets = new Set();
		this.server = http.createServer((req, res) => this.handle(req, res));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	/** Starts listening on 127.0.0.1 (a free port unless one is given) and returns the base URL. */
	async start(port = 0) {
		await new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', resolve);
		});
		this.port = this.server.address().port;
		this.baseUrl = `http://127.0.0.1:${this.port}`;
		return this.baseUrl;
	}

	async stop() {
		for (const socket of this.sockets) socket.destroy();
		await new Promise((resolve) => this.server.close(() => resolve()));
	}

	/**
	 * Queues a fault for the next matching request. Kinds: `status` (vendor status, e.g. '-18'), `http`
	 * (HTTP status with `body`, `contentType` and extra `headers` such as Retry-After), `html` (a 502 page),
	 * `malformed` (broken JSON with 200), `truncated` (a 200 whose body stops half way), `oversized`
	 * (a 200 with `sizeMb` megabytes), `reset` (destroy the socket after reading the request),
	 * `resetBeforeRead` (destroy it before reading), `hang` (never answer), `dropAnswer` (act on the request as
	 * usual, e.g. place the call and log it in `sent`, then destroy the socket instead of answering).
	 * `body` (a 200 with exactly this text), `redirect` (HTTP `httpStatus`, default 307, to `location`),
	 * `trickle` (a valid answer one byte every `intervalMs`), `endless` (a 200 that never ends); a `status`
	 * fault may carry `headers` (e.g. a Date far off). `path` limits it to requests whose path contains it; `bodyContains` to requests whose body contains that
	 * text (never matches `resetBeforeRead`, which strikes before the body is read); `times` (default 1) is how
	 * many requests it hits; `after` lets that many matching requests through first.
	 */
	inject(fault) {
		this.faults.push({ times: 1, ...fault });
	}

	/**
	 * Holds the answers to requests whose path contains `pathPart` until `count` of them have arrived (or
	 * `timeoutMs` passed), as a real vendor's round trip lets several sends arrive before the first answer.
	 * Returns a function that releases the held answers and ends the hold.
	 */
	holdAnswers(pathPart, count, timeoutMs = 10_000) {
		const hold = { pathPart, count, answers: [] };
		const release = () => {
			clearTimeout(hold.timer);
			if (this.hold === hold) this.hold = undefined;
			for (const answer of hold.answers.splice(0)) answer();
		};
		hold.release = release;
		hold.timer = setTimeout(release, timeoutMs);
		this.hold = hold;
		return release;
	}

	/**
	 * From now on placed calls and sent messages progress as `options` say (progress.js: durations, outcomes,
	 * its own clock `now`); undefined turns it off. reset() restores the constructor's choice.
	 */
	setProgress(options) {
		this.progress = options === undefined ? undefined : progressOf(this, options);
		return this.progress;
	}

	reset() {
		this.setProgress(this.defaultProgress);
		this.faults = [];
		this.requests = [];
		this.maxInFlight = this.inFlight;
		this.sent = [];
		this.files.clear();
		this.groupHistory = [];
		this.sipHistory = [];
		this.blockedKeys.clear();
		this.lockedKeys.clear();
		resetSms(this);
		resetOtp(this);
		resetTasks(this);
		Object.assign(this, this.defaultReadings);
	}

	/**
	 * The first queued fault that matches this path and phase (`resetBeforeRead` strikes before the body is
	 * read, every other kind after), honouring `after` and `times`.
	 */
	takeFault(path, beforeRead, body) {
		const index = this.faults.findIndex(
			(f) =>
				(!f.path || path.includes(f.path)) &&
				(!f.bodyContains || (body !== undefined && body.includes(f.bodyContains))) &&
				(f.kind === 'resetBeforeRead') === beforeRead,
		);
		if (index === -1) return undefined;
		const fault = this.faults[index];
		if (fault.after > 0) {
			fault.after -= 1;
			return undefined;
		}
		fault.times -= 1;
		if (fault.times <= 0) this.faults.splice(index, 1);
		return fault;
	}

	/** Logs a request for the tests, or only counts it (keepRequests: false), so a long benchmark does not grow a log. */
	logRequest(entry) {
		this.requestCount += 1;
		if (this.keepRequests) this.requests.push(entry);
		for (const observer of observers) observer(entry);
	}

	/** The vendor's checks, in its order: known key, fresh timestamp, matching Sign, then account state. */
	authenticate(headers) {
		const apiKey = headers['api-key'];
		const timestamp = headers['timestamp'];
		const sign = headers['sign'];
		const secret = apiKey === undefined ? undefined : this.accounts[apiKey];
		if (secret === undefined || typeof timestamp !== 'string' || typeof sign !== 'string') {
			return { status: '-1', signValid: false };
		}
		if (!/^\d{1,11}$/.test(timestamp)) return { status: '-16', signValid: false };
		const skew = Math.abs(Math.floor(this.now() / 1000) - Number(timestamp));
		if (skew > TIMESTAMP_WINDOW_SECONDS) return { status: '-16', signValid: false };
		if (sign !== md5(`${apiKey}${secret}${timestamp}`)) return { status: '-1', signValid: false };
		if (this.blockedKeys.has(apiKey)) return { status: '-2', signValid: true };
		if (this.lockedKeys.has(apiKey)) return { status: '-13', signValid: true };
		return { status: '0', signValid: true };
	}

	async handle(req, res) {
		this.inFlight += 1;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
		// 'close' fires once per response: when it was sent, or when its connection went away.
		res.once('close', () => {
			this.inFlight -= 1;
		});
		if (isControlRequest(req.url)) {
			const url = new URL(req.url, 'http://127.0.0.1');
			return handleControl(
				this,
				req.method,
				url.pathname,
				await readBody(req),
				(status, json) => this.send(res, status, JSON.stringify(json, null, 2), 'application/json'),
				url.searchParams,
			);
		}
		if (this.takeFault(req.url, true)) {
			this.logRequest({
				method: req.method,
				path: req.url,
				headers: { ...req.headers },
				body: '',
				at: Date.now(),
				fault: 'resetBeforeRead',
			});
			return req.socket.destroy();
		}
		const body = await readBody(req);
		const url = new URL(req.url, 'http://127.0.0.1');
		const auth = this.authenticate(req.headers);
		const entry = {
			method: req.method,
			path: url.pathname,
			headers: { ...req.headers },
			body,
			signValid: auth.signValid,
			answeredStatus: undefined,
			at: Date.now(),
			// The task endpoints answer {code, msg, data}, their refusals too.
			codeEnvelope: isTaskPath(url.pathname),
		};
		this.logRequest(entry);

		if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));

		const fault = this.takeFault(url.pathname, false, body);
		if (fault) {
			entry.fault = fault.kind;
			if (fault.kind === 'hang') return; // the socket stays open until the client gives up
			if (fault.kind === 'dropAnswer') res.dropAnswer = true; // handled as usual below; send() drops the answer
			if (fault.kind === 'reset') return req.socket.destroy();
			if (fault.kind === 'html') {
				return this.send(
					res,
					fault.httpStatus ?? 502,
					'<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
					'text/html',
				);
			}
			if (fault.kind === 'malformed') {
				return this.send(
					res,
					200,
					fault.body ?? '{"status":"0","reason":"success","data":{"voiceId":',
					'application/json',
				);
			}
			if (fault.kind === 'http') {
				return this.send(
					res,
					fault.httpStatus,
					fault.body ?? '',
					fault.contentType ?? 'text/plain',
					fault.headers,
				);
			}
			if (fault.kind === 'truncated') {
				const full = JSON.stringify({ status: '0', reason: 'success', data: EXAMPLE_RECORD });
				res.writeHead(200, {
					'Content-Type': 'application/json',
					'Content-Length': Buffer.byteLength(full),
				});
				res.write(full.slice(0, 40));
				return setTimeout(() => req.socket.destroy(), 20);
			}
			if (fault.kind === 'oversized') {
				const filler = 'x'.repeat((fault.sizeMb ?? 17) * 1024 * 1024);
				return this.send(res, 200, `{"status":"0","reason":"${filler}"}`, 'application/json');
			}
			if (fault.kind === 'body') return this.send(res, 200, fault.body, 'application/json');
			if (fault.kind === 'redirect') {
				const headers = fault.location === undefined ? {} : { Location: fault.location };
				return this.send(res, fault.httpStatus ?? 307, '', 'text/plain', headers);
			}
			if (fault.kind === 'trickle') return this.trickle(res, entry, fault);
			if (fault.kind === 'endless') return this.endless(res, entry);
			if (fault.kind === 'status') {
				res.extraHeaders = fault.headers;
				return this.vendorStatus(res, entry, fault.status, fault.reason);
			}
		}

		if (auth.status !== '0') return this.vendorStatus(res, entry, auth.status);
		return this.route(req.method, url.pathname, res, entry);
	}

	route(method, rawPath, res, entry) {
		const resolved = resolveLayout(rawPath);
		if (!resolved)
			return this.send(res, 404, '<html><body>404 Not Found</body></html>', 'text/html');
		const { path } = resolved;
		entry.layout = resolved.layout;
		entry.limits = LAYOUTS[resolved.layout];
		const body = this.parseBody(entry.body);
		if (method === 'POST' && body === undefined) return this.vendorStatus(res, entry, '-22');
		if (
			path === '/voice/sendCode' &&
			Number(body.loopCount ?? 1) > entry.limits.maxSendCodeLoopCount
		) {
			return this.vendorStatus(res, entry, '-22', 'loopCount out of range');
		}
		if (method === 'POST' && path === '/voice/recordGroupQuery')
			return this.search(res, entry, body, this.groupHistory);
		if (method === 'POST' && path === '/voice/recordSipQuery')
			return this.search(res, entry, body, this.sipHistory);
		if (method === 'POST' && path === '/voice/fileQuery') {
			const files = [...this.files].map(([fileName, fileId]) => ({ fileId, fileName }));
			return this.page(res, entry, body, files);
		}
		if (method === 'POST' && path === '/voice/sendCode') return this.sendCode(res, entry, body);
		if (method === 'POST' && path === '/voice/sendGroup') return this.sendGroup(res, entry, body);
		if (method === 'POST' && path === '/voice/fileUpload') return this.fileUpload(res, entry, body);
		const sip = /^\/voice\/recordSip\/([^/]*)$/.exec(path);
		if (method === 'GET' && sip) {
			const voiceId = decodeURIComponent(sip[1]);
			const found = this.sipHistory.find((r) => r.voiceId === voiceId);
			if (!found) return this.vendorStatus(res, entry, '-22');
			return this.ok(res, entry, { data: found });
		}
		const record = /^\/voice\/recordGroup\/([^/]*)$/.exec(path);
		if (method === 'GET' && record) {
			const voiceId = decodeURIComponent(record[1]);
			if (!/^\d{1,64}$/.test(voiceId)) return this.vendorStatus(res, entry, '-22');
			const progressing = this.progress && progressRecord(this.progress, voiceId);
			if (progressing === null) return this.vendorStatus(res, entry, '-24');
			return this.ok(res, entry, { data: progressing ?? this.groupRecord(voiceId) });
		}
		if (method === 'GET' && path === '/sms/getBalance') {
			return this.ok(res, entry, { ...this.balance });
		}
		if (path.startsWith('/sms/') && handleSms(this, method, path, res, entry, body))
			return undefined;
		if (path.startsWith('/voice/group/call/') && handleTasks(this, method, path, res, entry, body))
			return undefined;
		if (handleSip(this, method, path, res, entry, body)) return undefined;
		if (path.startsWith('/otp/') && handleOtp(this, method, path, res, entry, body))
			return undefined;
		return this.send(res, 404, '<html><body>404 Not Found</body></html>', 'text/html');
	}

	/** What Get answers for a voice ID: a kept record, else (demo) the search history's, else a synthetic one. */
	groupRecord(voiceId) {
		const kept = this.records.get(voiceId);
		if (kept) return kept;
		if (this.getFromHistory) {
			if (
				this.historyIndex?.history !== this.groupHistory ||
				this.historyIndex.size !== this.groupHistory.length
			) {
				this.historyIndex = {
					history: this.groupHistory,
					size: this.groupHistory.length,
					byId: new Map(this.groupHistory.map((r) => [r.voiceId, r])),
				};
			}
			const found = this.historyIndex.byId.get(voiceId);
			if (found) return found;
		}
		return syntheticRecord(voiceId);
	}

	parseBody(text) {
		if (text === '') return {};
		try {
			const parsed = JSON.parse(text);
			return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
		} catch {
			return undefined;
		}
	}

	/** The vendor's paging: current 1..N, size 1..100. */
	page(res, entry, body, all) {
		const current = Number(body.current ?? 1);
		const size = Number(body.size ?? 25);
		if (
			!Number.isInteger(current) ||
			current < 1 ||
			!Number.isInteger(size) ||
			size < 1 ||
			size > 100
		) {
			return this.vendorStatus(res, entry, '-22', 'current/size out of range');
		}
		const records = all.slice((current - 1) * size, current * size);
		const pages = Math.ceil(all.length / size);
		return this.ok(res, entry, {
			data: { total: all.length, size, current, pages, searchCount: true, records },
		});
	}

	/** Searches enforce the vendor's limits: at most 31 days per query, last two months only. */
	search(res, entry, body, history) {
		const from = Date.parse(body.params?.strTime ?? '');
		const to = Date.parse(body.params?.endTime ?? '');
		if (Number.isNaN(from) || Number.isNaN(to) || from >= to)
			return this.vendorStatus(res, entry, '-22', 'bad time range');
		if (to - from > 31 * 24 * 3600 * 1000)
			return this.vendorStatus(res, entry, '-22', 'time range over 31 days');
		// Two calendar months back in UTC, the day clamped to that month's last (30 April → 28/29 February).
		const now = new Date(this.now());
		const lastDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 0)).getUTCDate();
		const earliest = new Date(now.getTime());
		earliest.setUTCFullYear(
			now.getUTCFullYear(),
			now.getUTCMonth() - 2,
			Math.min(now.getUTCDate(), lastDay),
		);
		if (from < earliest.getTime() - 60_000)
			return this.vendorStatus(res, entry, '-22', 'older than two months');
		entry.window = [body.params.strTime, body.params.endTime];
		// Range ends and page order follow the readings (the reference documents neither): the node has to
		// de-duplicate and put records in time order itself. Cached per query, so a 500-page walk costs the
		// simulator one sort, not 500 (the benchmark measures the node).
		const { inclusiveStart, inclusiveEnd, newestFirst } = this;
		const key = `${from}|${to}|${history.length}|${inclusiveStart}|${inclusiveEnd}|${newestFirst}`;
		// Progressing calls change with time: their search is made afresh every time.
		const live =
			history === this.groupHistory && this.progress?.calls.size
				? progressRecords(this.progress)
				: undefined;
		if (live || this.searchCache?.key !== key || this.searchCache.history !== history) {
			const inRange = (live ? [...history, ...live] : history)
				.filter((r) => {
					const t = Date.parse(r.submitTime);
					return (inclusiveStart ? t >= from : t > from) && (inclusiveEnd ? t <= to : t < to);
				})
				.sort(
					(a, b) => (Date.parse(b.submitTime) - Date.parse(a.submitTime)) * (newestFirst ? 1 : -1),
				);
			this.searchCache = live ? undefined : { key, history, inRange };
			if (live) return this.page(res, entry, body, inRange);
		}
		return this.page(res, entry, body, this.searchCache.inRange);
	}

	newVoiceId() {
		this.nextVoiceId += 1n;
		return String(this.nextVoiceId);
	}

	sendCode(res, entry, body) {
		const digits = /^\d{7,15}$/;
		if (!digits.test(String(body.callee ?? '')) || !body.text || !body.language || !body.appId) {
			return this.vendorStatus(res, entry, '-22');
		}
		if (this.refusedCallees.has(String(body.callee))) return this.vendorStatus(res, entry, '-26');
		const voiceId = this.newVoiceId();
		this.sent.push({ kind: 'sendCode', voiceId, body });
		this.keepPlacedCall(voiceId, String(body.callee), body);
		return this.ok(res, entry, { data: voiceId });
	}

	sendGroup(res, entry, body) {
		const callees = String(body.callee ?? '').split(',');
		if (
			callees.length > entry.limits.maxCalleesPerRequest ||
			!callees.every((c) => /^\d{7,15}$/.test(c)) ||
			!body.fileId ||
			!body.appId
		) {
			return this.vendorStatus(res, entry, '-22');
		}
		const data = callees.map((callee) =>
			this.refusedCallees.has(callee)
				? {
						voiceId: null,
						callee,
						terminationCode: '-26',
						terminationReason: STATUS_REASONS['-26'],
					}
				: {
						voiceId: this.newVoiceId(),
						callee,
						terminationCode: '0',
						terminationReason: 'submitted',
					},
		);
		const placed = data.filter((d) => d.voiceId !== null);
		this.sent.push({
			kind: 'sendGroup',
			callees: placed.map((d) => d.callee),
			voiceIds: placed.map((d) => d.voiceId),
			body,
		});
		for (const call of placed) this.keepPlacedCall(call.voiceId, call.callee, body);
		return this.ok(res, entry, { data });
	}

	/** Every call placed so far, as callee → voiceIds (two voiceIds for one callee = called twice). */
	placedCalls() {
		const calls = new Map();
		const add = (callee, voiceId) => calls.set(callee, [...(calls.get(callee) ?? []), voiceId]);
		for (const sent of this.sent) {
			if (sent.kind === 'sendCode') add(sent.body.callee, sent.voiceId);
			if (sent.kind === 'sendSip') add(sent.body.callee, sent.voiceId);
			if (sent.kind === 'sendGroup' || sent.kind === 'task')
				sent.callees.forEach((callee, i) => add(callee, sent.voiceIds[i]));
		}
		return calls;
	}

	/**
	 * With progress on, a placed call moves on over time (progress.js); else, with `recordPlacedCalls` (npm
	 * start's demo), it can be got and searched like a real one, already ended.
	 */
	keepPlacedCall(voiceId, callee, body) {
		if (this.progress) return placeCall(this.progress, voiceId, callee, body);
		if (!this.recordPlacedCalls) return;
		const record = placedCallRecord(
			voiceId,
			callee,
			this.now(),
			undefined,
			this.answeredCallees[callee],
		);
		this.records.set(voiceId, record);
		this.groupHistory.push(record);
	}

	/**
	 * npm start's demo: the demo account (DEMO in records.js) with `days` days of call history to search, every
	 * call of it also what Get returns for its voice ID; calls placed in the demo become records too; the demo
	 * numbers answer, do not answer, or are refused; an SMS to the no-answer number is reported failed; two SIP
	 * phones to call from.
	 */
	static demo({ nowMs = Date.now() } = {}) {
		const sim = new ItniotechSimulator({
			accounts: { [DEMO.account.apiKey]: DEMO.account.apiSecret },
			recordPlacedCalls: true,
			getFromHistory: true,
			answeredCallees: { [DEMO.numbers.answers]: true, [DEMO.numbers.noAnswer]: false },
			refusedCallees: [DEMO.numbers.refused],
		});
		sim.groupHistory = demoHistory(nowMs);
		const sms = smsState(sim);
		sms.rejectNumbers.add(DEMO.numbers.refused);
		sms.reportStatus = (message) => (message.number === DEMO.numbers.noAnswer ? '1' : '0');
		const otp = otpState(sim);
		for (const template of otp.templates)
			if (template.appId === 'otp-app') template.appId = DEMO.otpAppId;
		addSipPhones(sim, { ...DEMO.sipPhones, appId: DEMO.voiceAppId, displayNum: '4420300000' });
		return sim;
	}

	fileUpload(res, entry, body) {
		const name = String(body.fileName ?? '');
		if (
			!/^.{1,28}\.(mp3|m4a|wav)$/i.test(name) ||
			name.length < 5 ||
			typeof body.file !== 'string' ||
			body.file === ''
		) {
			return this.vendorStatus(res, entry, '-21');
		}
		if (this.files.has(name)) return this.vendorStatus(res, entry, '-20');
		const fileId = `1${md5(name + body.file)}.${name.split('.').pop()}`;
		this.files.set(name, fileId);
		this.sent.push({ kind: 'fileUpload', fileName: name, bytes: Buffer.from(body.file, 'base64') });
		return this.ok(res, entry, { data: fileId });
	}

	ok(res, entry, fields) {
		entry.answeredStatus = '0';
		this.json(res, { status: '0', reason: 'success', ...fields }, entry);
	}

	vendorStatus(res, entry, status, reason) {
		entry.answeredStatus = status;
		this.json(res, { status, reason: reason ?? STATUS_REASONS[status] ?? 'error' }, entry);
	}

	/** The envelope: `{status, reason, …}`, or `{code, msg, …}` for the task endpoints (tasks.js readings). */
	json(res, payload, entry) {
		let body = this.statusAsNumber ? { ...payload, status: Number(payload.status) } : payload;
		if (entry?.codeEnvelope) {
			const { status, reason, ...fields } = payload;
			const asNumber = this.statusAsNumber || taskState(this).readings.codeAsNumber;
			body = { code: asNumber ? Number(status) : status, msg: reason, ...fields };
		}
		this.send(res, 200, JSON.stringify(body), 'application/json;charset=UTF-8');
	}

	send(res, statusCode, text, contentType, headers = {}) {
		const hold = this.hold;
		if (hold && res.req?.url?.includes(hold.pathPart)) {
			hold.answers.push(() => this.send(res, statusCode, text, contentType, headers));
			if (this.requests.filter((r) => r.path.includes(hold.pathPart)).length >= hold.count)
				hold.release();
			return;
		}
		if (res.dropAnswer) return res.socket?.destroy(); // the request was acted on; its answer never leaves
		res.writeHead(statusCode, {
			'Content-Type': contentType,
			'Content-Length': Buffer.byteLength(text),
			Date: new Date(this.now()).toUTCString(),
			...headers,
			...res.extraHeaders,
		});
		res.end(text);
	}

	/** A valid answer, one byte every `intervalMs`: `entry.trickle` tells whether the client stayed to the end. */
	trickle(
		res,
		entry,
		{
			intervalMs = 500,
			body = JSON.stringify({ status: '0', reason: 'success', ...this.balance }),
		},
	) {
		res.writeHead(200, {
			'Content-Type': 'application/json',
			'Content-Length': Buffer.byteLength(body),
		});
		entry.trickle = 'sending';
		let sent = 0;
		const timer = setInterval(() => {
			res.write(body[sent]);
			sent += 1;
			if (sent < body.length) return;
			clearInterval(timer);
			entry.trickle = 'finished';
			res.end();
		}, intervalMs);
		res.on('close', () => {
			clearInterval(timer);
			if (entry.trickle !== 'finished') entry.trickle = 'abandoned';
		});
	}

	/** A 200 that never ends, written as fast as the client reads; `entry.bytesWritten` counts what left. */
	endless(res, entry) {
		const chunk = Buffer.alloc(64 * 1024, 0x78);
		entry.bytesWritten = 0;
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.write('{"status":"0","reason":"');
		let closed = false;
		res.on('close', () => (closed = true));
		const pump = () => {
			// Bounded even if nobody stops reading: 1 GB at most.
			while (!closed && entry.bytesWritten < 1024 ** 3) {
				entry.bytesWritten += chunk.length;
				if (!res.write(chunk)) return res.once('drain', pump);
			}
			if (!closed) res.end('"}');
		};
		pump();
	}
}

module.exports = { ItniotechSimulator, TIMESTAMP_WINDOW_SECONDS, STATUS_REASONS, LAYOUTS, md5 };
